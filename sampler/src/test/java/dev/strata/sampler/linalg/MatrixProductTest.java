package dev.strata.sampler.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** C = A B in tiles equals the fused sums in the order of k, bit for bit, on every shape's tiles and edges. */
class MatrixProductTest {

    @Test
    void productEqualsTheFusedSumsInOrderBitForBit() {
        SplittableRandom random = new SplittableRandom(7);
        for (int m = 1; m <= 9; m++) {
            for (int k : new int[] {1, 2, 7, 40}) {
                for (int n = 1; n <= 41; n++) {
                    int aFrom = random.nextInt(3);
                    int bFrom = random.nextInt(3);
                    double[] a = gaussian(random, aFrom + m * k);
                    double[] b = gaussian(random, bFrom + k * n);
                    double[] c = MatrixProduct.of(a, aFrom, m, k, b, bFrom, n);
                    assertEquals(m * n, c.length);
                    for (int i = 0; i < m; i++) {
                        for (int j = 0; j < n; j++) {
                            double s = 0;
                            for (int p = 0; p < k; p++) {
                                s = Math.fma(a[aFrom + i * k + p], b[bFrom + p * n + j], s);
                            }
                            assertEquals(s, c[i * n + j], "m " + m + ", k " + k + ", n " + n + ": c_" + i + "," + j);
                        }
                    }
                }
            }
        }
    }

    private static double[] gaussian(SplittableRandom random, int length) {
        double[] v = new double[length];
        for (int i = 0; i < length; i++) {
            v[i] = random.nextGaussian();
        }
        return v;
    }
}
