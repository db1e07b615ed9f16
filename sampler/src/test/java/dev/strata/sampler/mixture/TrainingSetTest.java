package dev.strata.sampler.mixture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.strata.sampler.Gaussian;
import org.junit.jupiter.api.Test;

/** Blocked, vectorised products against plain double loops, on sizes that leave tails in every block. */
class TrainingSetTest {
    private static final int[] SHAPE = {1, 37, 29}; // 1073 values: not a multiple of any vector length or chunk
    private final TrainingSet set = MixtureFixtures.set(SHAPE, 11, 2); // 11 examples: not a multiple of 4

    @Test
    void innerProductsAndDistancesMatchPlainLoops() {
        int n = 3;
        float[] x = new Gaussian(4).array(n * set.size(), 1);
        float[] v = new Gaussian(5).array(n * set.size(), 2);
        double[][] g = set.inner(n, x, v);
        double[] d2 = set.squaredDistances(x, n);
        for (int b = 0; b < n; b++) {
            for (int k = 0; k < set.count(); k++) {
                double gx = 0;
                double gv = 0;
                double dist = 0;
                for (int i = 0; i < set.size(); i++) {
                    double t = set.value(k, i);
                    gx += x[b * set.size() + i] * t;
                    gv += v[b * set.size() + i] * t;
                    dist += Math.pow(x[b * set.size() + i] - t, 2);
                }
                assertEquals(gx, g[0][b * set.count() + k], 1e-9 * set.size());
                assertEquals(gv, g[1][b * set.count() + k], 1e-9 * set.size());
                assertEquals(dist, d2[b * set.count() + k], 1e-9 * set.size());
            }
        }
    }

    @Test
    void weightedSumsMatchPlainLoopsAndSkipZeros() {
        int n = 10; // more rows than one pass block
        double[] w = new double[n * set.count()];
        Gaussian g = new Gaussian(6);
        for (int i = 0; i < w.length; i++) {
            w[i] = i % 3 == 0 ? 0 : g.next();
        }
        double[] s = set.weightedSums(n, w)[0];
        for (int b = 0; b < n; b++) {
            for (int i = 0; i < set.size(); i++) {
                double ref = 0;
                for (int k = 0; k < set.count(); k++) {
                    ref += w[b * set.count() + k] * set.value(k, i);
                }
                assertEquals(ref, s[b * set.size() + i], 1e-12);
            }
        }
    }

    @Test
    void normsAreExactAndSizesChecked() {
        double n0 = 0;
        for (int i = 0; i < set.size(); i++) {
            n0 += (double) set.value(0, i) * set.value(0, i);
        }
        assertEquals(n0, set.squaredNorm(0), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> set.inner(2, new float[set.size()]));
        assertThrows(IllegalArgumentException.class, () -> set.weightedSums(1, new double[3]));
        assertThrows(IllegalArgumentException.class, () -> new TrainingSet(SHAPE, new float[5], 1));
    }
}
