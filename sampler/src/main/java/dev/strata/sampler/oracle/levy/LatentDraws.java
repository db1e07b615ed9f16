package dev.strata.sampler.oracle.levy;

import dev.strata.sampler.Gaussian;
import java.util.SplittableRandom;

/**
 * The random draws a Levy Gibbs chain needs, from one seed: uniform, standard normal ({@link Gaussian}), exponential,
 * gamma (Marsaglia and Tsang 2000, with the U^(1/a) boost below shape 1) and inverse Gaussian (Michael, Schucany and
 * Haas 1976, in a cancellation-free form).
 */
public final class LatentDraws {
    private final SplittableRandom random;
    private final Gaussian gaussian;

    public LatentDraws(long seed) {
        this.random = new SplittableRandom(seed);
        this.gaussian = new Gaussian(random.nextLong());
    }

    /** U(0, 1), never 0. */
    public double uniform() {
        double u;
        do {
            u = random.nextDouble();
        } while (u == 0);
        return u;
    }

    public double normal() {
        return gaussian.next();
    }

    /** Exp(1). */
    public double exponential() {
        return -Math.log(uniform());
    }

    /** Gamma(shape, 1), shape > 0. */
    public double gamma(double shape) {
        if (shape < 1) {
            return gamma(shape + 1) * Math.pow(uniform(), 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double z = normal();
            double t = 1 + c * z;
            if (t <= 0) {
                continue;
            }
            double v = t * t * t;
            double u = uniform();
            if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }

    /**
     * IG(mu, lambda), density sqrt(lambda / (2 pi w^3)) exp(-lambda (w - mu)^2 / (2 mu^2 w)). With y = N^2 and
     * r = mu y / (2 lambda) the smaller root is w = mu / (1 + r + sqrt(r^2 + 2 r)), kept with probability
     * mu / (mu + w), else mu^2 / w.
     */
    public double inverseGaussian(double mu, double lambda) {
        double n = normal();
        double r = mu * n * n / (2 * lambda);
        double w = mu / (1 + r + Math.sqrt(r * r + 2 * r));
        return uniform() * (mu + w) <= mu ? w : mu * mu / w;
    }
}
