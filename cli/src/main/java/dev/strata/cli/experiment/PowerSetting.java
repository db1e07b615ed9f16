package dev.strata.cli.experiment;

import java.util.Locale;

/**
 * One point of seed 003's sweep: the power-scaled posterior p(y | x)^lambda p(x)^alpha, whose score is
 * lambda grad log p(x | y) + (alpha - lambda) grad log p(x).
 *
 * @param lambda likelihood power, >= 0
 * @param alpha  prior power, > 0
 */
public record PowerSetting(double lambda, double alpha) {

    /** A name for files: {@code lambda-2-alpha-0.5}. */
    public String id() {
        return "lambda-" + number(lambda) + "-alpha-" + number(alpha);
    }

    /** Whether the target needs the Langevin corrector (alpha != 1); alpha = 1 runs the probability-flow ODE. */
    public boolean corrected() {
        return alpha != 1;
    }

    @Override
    public String toString() {
        return "λ = " + number(lambda) + ", α = " + number(alpha);
    }

    static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
    }
}
