package dev.strata.sampler.latent;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.forward.ForwardOperator;
import dev.strata.forward.WrappedOperator;
import dev.strata.forward.darcy.DarcyGrid;
import dev.strata.forward.darcy.DarcyOperator;
import dev.strata.forward.darcy.GaussianRandomField;
import dev.strata.sampler.Gaussian;
import dev.strata.sampler.mcmc.GaussianLikelihood;
import dev.strata.sampler.nn.BatchObjective;
import dev.strata.sampler.nn.FieldVae;
import dev.strata.sampler.nn.LatentPrior;
import dev.strata.sampler.nn.LatentPriorTrainer;
import dev.strata.sampler.nn.SmallUNet;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The gradient of LD-DIM's objective J(z) through the Darcy adjoint, the decoder and the DDIM chain, by a Taylor
 * test: r(h) = |J(z + h v) - J(z) - h dJ.v| must fall like h^2. Weights are random (the chain's derivative does not
 * depend on training). The deliberately wrong case mirrors the Darcy adjoint's output (dm reversed cell by cell):
 * then r(h) falls like h and the test's ratio check fails, shown by {@link #aWrongDarcyAdjointFailsTheTaylorTest}.
 * Measured (loaded machine, these seeds): ratios 3.4 / 3.7 / 3.9 with a 3-step chain, 5.0 / 4.2 / 4.1 without
 * (physics-embedded VAE), 2.1 / 2.0 / 2.0 with the mirrored adjoint.
 */
class LatentInversionGradientTest {
    private static final int N = 16;

    @Test
    void ldDimGradientPassesTheTaylorTest() {
        double[] ratios = taylorRatios(DarcySurvey.operator(N, 4), 3);
        for (double r : ratios) {
            assertTrue(r > 3.0, "remainder ratios r(h) / r(h/2) " + java.util.Arrays.toString(ratios)
                    + ": second order gives 4");
        }
    }

    @Test
    void physicsEmbeddedVaeGradientPassesTheTaylorTest() {
        double[] ratios = taylorRatios(DarcySurvey.operator(N, 4), 0);
        for (double r : ratios) {
            assertTrue(r > 3.0, java.util.Arrays.toString(ratios));
        }
    }

    @Test
    void aWrongDarcyAdjointFailsTheTaylorTest() {
        DarcyOperator darcy = DarcySurvey.operator(N, 4);
        ForwardOperator mirrored = new WrappedOperator() {
            @Override
            public ForwardOperator inner() {
                return darcy;
            }

            @Override
            public float[] apply(float[] x, int n) {
                return darcy.apply(x, n);
            }

            @Override
            public float[] vjp(float[] x, float[] dy, int n) {
                float[] g = darcy.vjp(x, dy, n);
                float[] r = new float[g.length];
                for (int i = 0; i < g.length; i++) {
                    r[i] = g[g.length - 1 - i];
                }
                return r;
            }

            @Override
            public float[] jvp(float[] x, float[] dx, int n) {
                return darcy.jvp(x, dx, n);
            }
        };
        double[] ratios = taylorRatios(mirrored, 3);
        assertTrue(ratios[ratios.length - 1] < 2.5, "a mirrored adjoint should leave a first-order remainder: "
                + java.util.Arrays.toString(ratios));
    }

    /** r(h_k) / r(h_{k+1}) for h = 0.2, 0.1, 0.05, 0.025. */
    static double[] taylorRatios(ForwardOperator darcy, int ddimSteps) {
        FieldVae.Config vae = new FieldVae.Config(16, 2, 2);
        SmallUNet.Config net = new SmallUNet.Config(2, 16, 2, 4, 8, 16);
        SplittableRandom random = new SplittableRandom(5);
        float[] truth = GaussianRandomField.of(new DarcyGrid(N, N, 10), 1.0, 40).sample(random);
        float[] y = darcy.apply(truth, 1);
        GaussianLikelihood lik = new GaussianLikelihood(darcy, y, 0.01);
        try (LatentPrior prior = new LatentPrior(LatentPriorTrainer.untrained(vae, net, N, N, 11))) {
            BatchObjective j = LatentInversion.objective(prior, lik,
                    new LatentInversion.Settings(new AdamDescent.Settings(1, 0.1), ddimSteps, 0.5), null);
            int size = prior.weights().latentSize();
            Gaussian g = new Gaussian(17);
            float[] z = g.array(size, 1);
            float[] v = g.array(size, 1);
            float[] grad = new float[size];
            double j0 = j.evaluate(z, 1, grad)[0];
            double slope = 0;
            for (int i = 0; i < size; i++) {
                slope += (double) grad[i] * v[i];
            }
            double[] h = {0.2, 0.1, 0.05, 0.025};
            double[] r = new double[h.length];
            for (int k = 0; k < h.length; k++) {
                float[] zh = z.clone();
                for (int i = 0; i < size; i++) {
                    zh[i] += (float) (h[k] * v[i]);
                }
                r[k] = Math.abs(j.evaluate(zh, 1, new float[size])[0] - j0 - h[k] * slope);
            }
            double[] ratios = new double[h.length - 1];
            for (int k = 0; k + 1 < h.length; k++) {
                ratios[k] = r[k] / r[k + 1];
            }
            return ratios;
        }
    }
}
