package dev.strata.cli.invert;

import dev.strata.io.LinePlot;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * The WRMSE picture: per kind of data, the RMS whitened residual of the denoised estimate at each reverse step
 * (mean over samples), with the line WRMSE = 1 where the data are fitted to the noise; log-y when it spans more than
 * a factor of 20.
 *
 * @param kinds names of the kinds of data, one per row of {@code wrmse}
 * @param wrmse {@code [kinds][steps]}
 */
record WrmseFigure(String title, List<String> kinds, float[] wrmse, int steps) {

    LinePlot.Chart chart() {
        List<LinePlot.Series> series = new ArrayList<>();
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        double[] step = new double[steps];
        for (int s = 0; s < steps; s++) {
            step[s] = s + 1;
        }
        for (int k = 0; k < kinds.size(); k++) {
            double[] y = new double[steps];
            for (int s = 0; s < steps; s++) {
                y[s] = wrmse[k * steps + s];
                if (y[s] > 0 && Double.isFinite(y[s])) {
                    lo = Math.min(lo, y[s]);
                    hi = Math.max(hi, y[s]);
                }
            }
            series.add(LinePlot.Series.line(kinds.get(k), step, y));
        }
        return new LinePlot.Chart(title, "reverse step", "WRMSE", series, hi > 20 * Math.min(lo, 1),
                List.of(new LinePlot.Reference(1, "WRMSE = 1")));
    }

    BufferedImage render() {
        return new LinePlot().render(chart());
    }
}
