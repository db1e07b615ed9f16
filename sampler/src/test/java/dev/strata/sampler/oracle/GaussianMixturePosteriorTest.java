package dev.strata.sampler.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class GaussianMixturePosteriorTest {

    @Test
    void oneDimensionalPosteriorMatchesHandFormula() {
        // prior 0.3 N(-1, 0.5) + 0.7 N(2, 1.5), y = x + e, s = 0.8, y = 0.4
        int[] shape = {1, 1, 1};
        DenseGaussian c1 = new DenseGaussian(shape, new double[] {-1}, new double[] {0.5});
        DenseGaussian c2 = new DenseGaussian(shape, new double[] {2}, new double[] {1.5});
        DenseGaussianMixture prior = new DenseGaussianMixture("p", List.of(c1, c2),
                new double[] {Math.log(0.3), Math.log(0.7)});
        double s2 = 0.64;
        double y = 0.4;
        DenseGaussianMixture post = GaussianMixturePosterior.of("post", prior, new double[] {1}, new double[] {y}, 0.8);
        double e1 = 0.3 * normal(y, -1, 0.5 + s2);
        double e2 = 0.7 * normal(y, 2, 1.5 + s2);
        double w1 = e1 / (e1 + e2);
        double m1 = (-1 / 0.5 + y / s2) / (1 / 0.5 + 1 / s2);
        double v1 = 1 / (1 / 0.5 + 1 / s2);
        double m2 = (2 / 1.5 + y / s2) / (1 / 1.5 + 1 / s2);
        double v2 = 1 / (1 / 1.5 + 1 / s2);
        assertEquals(w1, post.weights()[0], 1e-12);
        double mean = w1 * m1 + (1 - w1) * m2;
        double var = w1 * (v1 + m1 * m1) + (1 - w1) * (v2 + m2 * m2) - mean * mean;
        assertEquals(mean, post.mean()[0], 1e-12);
        assertEquals(Math.sqrt(var), post.std()[0], 1e-12);
    }

    private static double normal(double x, double mu, double var) {
        return Math.exp(-0.5 * (x - mu) * (x - mu) / var) / Math.sqrt(2 * Math.PI * var);
    }
}
