package dev.strata.sampler.oracle.levy;

/**
 * The law of one increment u_k of a Levy process x_k = u_0 + ... + u_k, written as a Gaussian scale mixture so that a
 * Gibbs sampler can condition on the variances: u | v ~ N(0, v), v from a mixing law; {@link SpikeAndSlab} adds a
 * point mass, u = 0 with probability 1 - p. The laws of the statistical benchmark for diffusion posterior sampling
 * (Zach et al., ICLR 2026): Gaussian, Laplace, Student-t and Bernoulli-Laplace increments.
 */
public sealed interface IncrementLaw {

    /** A short name for reports, e.g. {@code laplace}. */
    String name();

    /** Probability p that an increment comes from the Gaussian scale mixture (1: no point mass at 0). */
    default double slabProbability() {
        return 1;
    }

    /** Whether v is one fixed value (Gaussian increments): there is no latent variance to draw. */
    default boolean fixedVariance() {
        return false;
    }

    /** A draw of v from the mixing law. */
    double priorVariance(LatentDraws r);

    /** A draw of v given the (non-zero) increment u: p(v | u) ∝ N(u; 0, v) p(v). */
    double varianceGiven(double u, LatentDraws r);

    /** Var[u], for the moment-matched Gaussian prior ({@code +inf} where it does not exist). */
    double variance();

    /** Where a chain starts v. */
    double typicalVariance();

    /** One increment: 0 with probability 1 - p, else sqrt(v) N(0, 1) with v from the mixing law. */
    default double draw(LatentDraws r) {
        if (slabProbability() < 1 && r.uniform() >= slabProbability()) {
            return 0;
        }
        return Math.sqrt(priorVariance(r)) * r.normal();
    }

    /** Gaussian increments N(0, variance): the Levy process is a Gaussian random walk. */
    record Gauss(double variance) implements IncrementLaw {
        public Gauss {
            positive(variance, "variance");
        }

        @Override
        public String name() {
            return "gauss";
        }

        @Override
        public boolean fixedVariance() {
            return true;
        }

        @Override
        public double priorVariance(LatentDraws r) {
            return variance;
        }

        @Override
        public double varianceGiven(double u, LatentDraws r) {
            return variance;
        }

        @Override
        public double typicalVariance() {
            return variance;
        }
    }

    /**
     * Laplace increments, density exp(-|u| / b) / (2 b): v ~ Exp(mean 2 b^2), and given u, 1 / v ~ IG(1 / (b |u|),
     * 1 / b^2) (the Bayesian-lasso conditional, Park and Casella 2008).
     */
    record Laplace(double scale) implements IncrementLaw {
        public Laplace {
            positive(scale, "scale");
        }

        @Override
        public String name() {
            return "laplace";
        }

        @Override
        public double priorVariance(LatentDraws r) {
            return 2 * scale * scale * r.exponential();
        }

        @Override
        public double varianceGiven(double u, LatentDraws r) {
            double a = Math.max(Math.abs(u), 1e-12 * scale);
            return 1 / r.inverseGaussian(1 / (scale * a), 1 / (scale * scale));
        }

        @Override
        public double variance() {
            return 2 * scale * scale;
        }

        @Override
        public double typicalVariance() {
            return variance();
        }
    }

    /**
     * Student-t increments with {@code dof} degrees of freedom and scale s: v ~ InvGamma(nu / 2, nu s^2 / 2), and
     * given u, v ~ InvGamma((nu + 1) / 2, (nu s^2 + u^2) / 2).
     */
    record StudentT(double dof, double scale) implements IncrementLaw {
        public StudentT {
            positive(dof, "dof");
            positive(scale, "scale");
        }

        @Override
        public String name() {
            return "student" + (dof == Math.rint(dof) ? String.valueOf((long) dof) : String.valueOf(dof));
        }

        @Override
        public double priorVariance(LatentDraws r) {
            return 0.5 * dof * scale * scale / r.gamma(0.5 * dof);
        }

        @Override
        public double varianceGiven(double u, LatentDraws r) {
            return 0.5 * (dof * scale * scale + u * u) / r.gamma(0.5 * (dof + 1));
        }

        @Override
        public double variance() {
            return dof > 2 ? dof * scale * scale / (dof - 2) : Double.POSITIVE_INFINITY;
        }

        @Override
        public double typicalVariance() {
            return scale * scale;
        }
    }

    /**
     * A point mass and a slab: u = 0 with probability 1 - p, else u from {@code slab} (a Gaussian scale mixture).
     * Bernoulli-Laplace is {@code new SpikeAndSlab(p, new Laplace(b))}.
     */
    record SpikeAndSlab(double p, IncrementLaw slab) implements IncrementLaw {
        public SpikeAndSlab {
            if (!(p > 0 && p < 1)) {
                throw new IllegalArgumentException("p must be in (0, 1), got " + p);
            }
            if (slab instanceof SpikeAndSlab) {
                throw new IllegalArgumentException("the slab must be a Gaussian scale mixture");
            }
        }

        @Override
        public String name() {
            return "bernoulli-" + slab.name();
        }

        @Override
        public double slabProbability() {
            return p;
        }

        @Override
        public double priorVariance(LatentDraws r) {
            return slab.priorVariance(r);
        }

        @Override
        public double varianceGiven(double u, LatentDraws r) {
            return slab.varianceGiven(u, r);
        }

        @Override
        public double variance() {
            return p * slab.variance();
        }

        @Override
        public double typicalVariance() {
            return slab.typicalVariance();
        }
    }

    private static void positive(double value, String what) {
        if (!(value > 0 && Double.isFinite(value))) {
            throw new IllegalArgumentException(what + " must be finite and > 0, got " + value);
        }
    }
}
