package dev.strata.cli;

import dev.strata.cli.invert.CalibrationRow;
import dev.strata.cli.invert.TruthCoverage;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** How {@code strata validate} prints a row of the calibration against synthetic truths: text and JSON. */
final class CalibrationText {
    private CalibrationText() {
    }

    static String header(CalibrationRow first) {
        TruthCoverage c = first.coverage();
        StringBuilder h = new StringBuilder(String.format("%-18s %-20s %7s", "sampler", "oracle", "K x S"));
        for (double p : c.nominal()) {
            h.append(String.format(Locale.ROOT, " %13s", "truth in " + Math.round(100 * p) + "%"));
        }
        h.append(String.format(" %6s %8s  %s", "spread", "seconds", "ok"));
        StringBuilder e = new StringBuilder("(coverage +- SE over cases; an exact sampler's S draws cover on average");
        double[] expected = c.expected();
        for (int l = 0; l < expected.length; l++) {
            e.append(String.format(Locale.ROOT, "%s %.3f", l == 0 ? "" : ",", expected[l]));
        }
        return h + System.lineSeparator() + e + String.format(" at S = %d; spread: sample std / prior std)",
                c.samples());
    }

    static String line(CalibrationRow r) {
        TruthCoverage c = r.coverage();
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%-18s %-20s %7s", r.sampler(), r.oracle(),
                c.cases() + "x" + c.samples()));
        double[] mean = c.mean();
        double[] se = c.standardError();
        for (int l = 0; l < mean.length; l++) {
            s.append(String.format(Locale.ROOT, " %6.3f+-%5.3f", mean[l], se[l]));
        }
        s.append(String.format(Locale.ROOT, " %6.3f %8.2f  %s", c.spreadRatio(), c.seconds(), !r.bound().binding()
                ? "diagnostic (approximate, no bound)" : r.ok() ? "ok" : "OUTSIDE " + r.bound().description()));
        return s.toString();
    }

    static Map<String, Object> fields(CalibrationRow r) {
        TruthCoverage c = r.coverage();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sampler", r.sampler());
        m.put("oracle", r.oracle());
        m.put("cases", c.cases());
        m.put("samplesPerCase", c.samples());
        m.put("grid", r.problem().nz() + "x" + r.problem().nx());
        m.put("noise", r.problem().noise());
        double[] nominal = c.nominal();
        for (int l = 0; l < nominal.length; l++) {
            String k = ValidationReport.key(nominal[l]);
            m.put(k, c.mean()[l]);
            m.put(k + "Se", c.standardError()[l]);
            m.put(k + "Expected", c.expected()[l]);
        }
        m.put("spread", c.spreadRatio());
        m.put("seconds", c.seconds());
        m.put("ok", r.ok());
        m.put("bound", r.bound().description());
        m.put("approximate", !r.bound().binding());
        m.putAll(c.figures());
        return m;
    }
}
