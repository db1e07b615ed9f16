package dev.strata.io;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Round-number tick values for an axis and their labels: multiples of 1, 2 or 5 x 10^k inside a closed interval, or
 * the powers of ten inside it on a logarithmic axis.
 */
public final class AxisTicks {
    private AxisTicks() {
    }

    /**
     * Multiples of the smallest step in {1, 2, 5} x 10^k that gives at most {@code maxCount} values in
     * {@code [lo, hi]}; if that gives fewer than two, the finer steps are tried while they give at most
     * {@code maxCount}. Every value returned lies in the interval (up to rounding of 1e-9 of the step); a narrow
     * interval holding no multiple of a step that fits gets its two ends.
     *
     * @param maxCount at least 2
     */
    public static List<Double> linear(double lo, double hi, int maxCount) {
        if (!(lo <= hi) || !Double.isFinite(lo) || !Double.isFinite(hi) || maxCount < 2) {
            throw new IllegalArgumentException("need finite lo <= hi and maxCount >= 2, got " + lo + ", " + hi + ", "
                    + maxCount);
        }
        if (lo == hi) {
            return List.of(lo);
        }
        List<Double> best = List.of();
        for (double step = step(hi - lo, maxCount); ; step = finer(step)) {
            List<Double> t = multiples(lo, hi, step);
            if (t.size() > maxCount) {
                break;
            }
            best = t.size() > best.size() ? t : best;
            if (best.size() >= 2) {
                break;
            }
        }
        return best.isEmpty() ? List.of(lo, hi) : best;
    }

    private static List<Double> multiples(double lo, double hi, double step) {
        List<Double> out = new ArrayList<>();
        for (long i = (long) Math.ceil(lo / step - 1e-9); i * step <= hi + step * 1e-9; i++) {
            out.add(new BigDecimal(i).multiply(BigDecimal.valueOf(step)).doubleValue());
        }
        return out;
    }

    /** The next smaller step of the 1, 2, 5 sequence. */
    private static double finer(double step) {
        double decade = Math.pow(10, Math.floor(Math.log10(step) + 1e-9));
        double m = Math.round(step / decade);
        return m == 1 ? decade / 2 : m == 2 ? decade : 2 * decade;
    }

    /** The powers of ten in {@code [lo, hi]}, both positive; if there are none, {@code lo} and {@code hi}. */
    public static List<Double> logarithmic(double lo, double hi) {
        if (!(lo > 0) || !(lo <= hi) || Double.isInfinite(hi)) {
            throw new IllegalArgumentException("need 0 < lo <= hi < infinity, got " + lo + ", " + hi);
        }
        List<Double> out = new ArrayList<>();
        for (int e = (int) Math.ceil(Math.log10(lo) - 1e-9); Math.pow(10, e) <= hi * (1 + 1e-9); e++) {
            out.add(Math.pow(10, e));
        }
        return out.isEmpty() ? List.of(lo, hi) : out;
    }

    /** A tick label: up to 4 significant digits, plain for 1e-3 <= |v| < 1e5, else scientific ("1.5e6"). */
    public static String label(double v) {
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a >= 1e-3 && a < 1e5) {
            return new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
        }
        String[] parts = String.format(Locale.ROOT, "%.3e", v).split("e");
        String mantissa = parts[0].replaceAll("\\.?0+$", "");
        return mantissa + "e" + Integer.parseInt(parts[1]);
    }

    /** The smallest 1, 2, 5 x 10^k step with at least {@code span / (maxCount - 1)}. */
    private static double step(double span, int maxCount) {
        double raw = span / (maxCount - 1);
        double decade = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * decade >= raw * (1 - 1e-12)) {
                return m * decade;
            }
        }
        return 10 * decade;
    }
}
