package dev.strata.cli.invert;

import dev.strata.io.Observations.ModelGrid;
import dev.strata.io.Observations.WellLog;
import java.util.Arrays;
import java.util.List;

/**
 * Mean and spread of the analytic (Gaussian) prior per channel, in physical units, when the observation file gives no
 * background model: the mean and standard deviation of the channel's well-log values where wells log it (the spread
 * floored at a quarter of the typical spread below), otherwise typical values of the channel: facies (sand
 * indicator) 0.3 +- 0.5, impedance 6000 +- 700 m/s*g/cm3, velocity 2500 +- 700 m/s, log-conductivity 0 +- 1.
 */
final class PriorDefaults {
    private PriorDefaults() {
    }

    static float[] background(ModelGrid g, List<WellLog> wells) {
        return perChannel(g, c -> wellStats(g.channelNames().get(c), wells)[0]);
    }

    static float[] spread(ModelGrid g, List<WellLog> wells) {
        return perChannel(g, c -> wellStats(g.channelNames().get(c), wells)[1]);
    }

    static double[] typical(String channel) {
        return switch (channel) {
            case "facies" -> new double[] {0.3, 0.5};
            case "impedance" -> new double[] {6000, 700};
            case "velocity" -> new double[] {2500, 700};
            default -> new double[] {0, 1};
        };
    }

    private static double[] wellStats(String channel, List<WellLog> wells) {
        double[] typical = typical(channel);
        double s = 0;
        double s2 = 0;
        int n = 0;
        for (WellLog w : wells) {
            int c = w.channels().indexOf(channel);
            if (c < 0) {
                continue;
            }
            for (int k = 0; k < w.points(); k++) {
                double v = w.values()[k * w.channels().size() + c];
                s += v;
                s2 += v * v;
                n++;
            }
        }
        if (n < 2 || channel.equals("facies")) {
            return typical;
        }
        double mean = s / n;
        double std = Math.sqrt(Math.max(0, s2 / n - mean * mean));
        return new double[] {mean, Math.max(std, typical[1] / 4)};
    }

    private static float[] perChannel(ModelGrid g, java.util.function.IntToDoubleFunction value) {
        int plane = g.nz() * g.nx();
        float[] out = new float[g.size()];
        for (int c = 0; c < g.channels(); c++) {
            Arrays.fill(out, c * plane, (c + 1) * plane, (float) value.applyAsDouble(c));
        }
        return out;
    }
}
