package dev.strata.cli;

import dev.strata.io.Json;
import dev.strata.forward.geology.ChannelStatistics;
import dev.strata.forward.geology.FaciesStatistics;
import dev.strata.forward.geology.FieldStatistics;
import dev.strata.forward.geology.SectionGrid;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** What {@code strata datagen} wrote and measured, as text or one JSON object. */
public record DatagenReport(String problem, String family, int n, long seed, SectionGrid grid, Path file, Path png,
                     double seconds, FieldStatistics statistics) {

    String text() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "datagen: %d %s models (%s), %d x %d cells of %s x %s m, seed %d, in %.1f s%n", n, problem, family,
                grid.nz(), grid.nx(), number(grid.dz()), number(grid.dx()), seed, seconds));
        for (ChannelStatistics c : statistics.channels()) {
            sb.append(String.format(Locale.ROOT,
                    "  %s [%s]: mean %s, std %s, min %s, max %s; variogram range (0.95 of sill) z %s m, x %s m%n",
                    c.channel().name(), c.channel().unit(), number(c.mean()), number(c.std()),
                    number(c.histogram().min()), number(c.histogram().max()), number(c.rangeZ()),
                    number(c.rangeX())));
        }
        FaciesStatistics f = statistics.facies();
        if (f != null) {
            sb.append(String.format(Locale.ROOT, "  sand proportion %s; property in shale %s +- %s, in sand %s +- %s%n",
                    number(f.sandProportion()), number(f.shaleMean()), number(f.shaleStd()), number(f.sandMean()),
                    number(f.sandStd())));
        }
        sb.append("wrote ").append(file).append('\n').append("wrote ").append(png);
        return sb.toString();
    }

    String json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("command", "datagen");
        m.put("problem", problem);
        m.put("family", family);
        m.put("n", n);
        m.put("seed", seed);
        m.put("nz", grid.nz());
        m.put("nx", grid.nx());
        m.put("dz_m", grid.dz());
        m.put("dx_m", grid.dx());
        m.put("seconds", seconds);
        for (ChannelStatistics c : statistics.channels()) {
            String k = c.channel().name() + ".";
            m.put(k + "unit", c.channel().unit());
            m.put(k + "mean", c.mean());
            m.put(k + "std", c.std());
            m.put(k + "rangeZ_m", c.rangeZ());
            m.put(k + "rangeX_m", c.rangeX());
            m.put(k + "histogramMin", c.histogram().min());
            m.put(k + "histogramMax", c.histogram().max());
            m.put(k + "histogram", c.histogram().counts());
        }
        FaciesStatistics f = statistics.facies();
        if (f != null) {
            m.put("sandProportion", f.sandProportion());
            m.put("shaleMean", f.shaleMean());
            m.put("shaleStd", f.shaleStd());
            m.put("sandMean", f.sandMean());
            m.put("sandStd", f.sandStd());
        }
        m.put("file", file.toString());
        m.put("png", png.toString());
        return Json.object(m);
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.4g", v);
    }
}
