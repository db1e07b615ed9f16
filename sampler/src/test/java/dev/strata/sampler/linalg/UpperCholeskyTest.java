package dev.strata.sampler.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Test;

/**
 * The Cholesky solve of {@link UpperCholesky} on random symmetric positive definite matrices of every size around
 * the vector widths: U^T U reproduces S, w equals EJML's dense solve, and a matrix that is not positive definite is
 * refused.
 */
class UpperCholeskyTest {

    /** S = B B^T + d I / 10 with B d x d Gaussian: positive definite, condition number in the hundreds. */
    private static double[] spd(int d, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] b = new double[d * d];
        for (int i = 0; i < b.length; i++) {
            b[i] = random.nextGaussian();
        }
        double[] s = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double sum = i == j ? d / 10.0 : 0;
                for (int k = 0; k < d; k++) {
                    sum += b[i * d + k] * b[j * d + k];
                }
                s[i * d + j] = sum;
            }
        }
        return s;
    }

    /**
     * s (d x d) with rows {@code ld} apart in ld rows, NaN below its diagonal and in the padding: values the
     * factorisation must neither need nor write.
     */
    private static double[] padded(double[] s, int d, int ld) {
        double[] out = new double[ld * ld];
        java.util.Arrays.fill(out, Double.NaN);
        for (int i = 0; i < d; i++) {
            System.arraycopy(s, i * d + i, out, i * ld + i, d - i);
        }
        return out;
    }

    @Test
    void factorReproducesTheMatrixAndSolveMatchesEjmlsDenseSolve() {
        for (int d : new int[] {1, 2, 3, 7, 8, 9, 15, 16, 17, 31, 33, 80, 97}) {
            double[] s = spd(d, d);
            int ld = UpperGram.stride(d);
            double[] u = padded(s, d, ld);
            assertTrue(UpperCholesky.factor(u, d, ld), "d = " + d);
            double scale = 0;
            double worst = 0;
            for (int i = 0; i < d; i++) {
                for (int j = i; j < d; j++) {
                    double sum = 0;
                    for (int k = 0; k <= i; k++) {
                        sum += u[k * ld + i] * u[k * ld + j];
                    }
                    worst = Math.max(worst, Math.abs(sum - s[i * d + j]));
                    scale = Math.max(scale, Math.abs(s[i * d + j]));
                }
            }
            assertTrue(worst <= 1e-12 * scale, "d = " + d + ": U^T U differs from S by " + worst);
            SplittableRandom random = new SplittableRandom(100 + d);
            double[] r = new double[d];
            for (int i = 0; i < d; i++) {
                r[i] = random.nextGaussian();
            }
            double[] w = r.clone();
            UpperCholesky.solve(u, d, ld, w);
            SimpleMatrix reference = new SimpleMatrix(d, d, true, s).solve(new SimpleMatrix(d, 1, true, r));
            double num = 0;
            double den = 0;
            for (int i = 0; i < d; i++) {
                num += (w[i] - reference.get(i, 0)) * (w[i] - reference.get(i, 0));
                den += reference.get(i, 0) * reference.get(i, 0);
            }
            assertTrue(Math.sqrt(num / den) < 1e-10, "d = " + d + ": relative error " + Math.sqrt(num / den));
        }
    }

    @Test
    void aMatrixThatIsNotPositiveDefiniteIsRefused() {
        int d = 20;
        double[] s = spd(d, 3);
        s[13 * d + 13] = -1; // a negative diagonal entry: no Cholesky factor
        assertFalse(UpperCholesky.factor(padded(s, d, UpperGram.stride(d)), d, UpperGram.stride(d)));
        double[] indefinite = {1, 2, 2, 1}; // eigenvalues 3 and -1
        assertFalse(UpperCholesky.factor(padded(indefinite, 2, UpperGram.stride(2)), 2, UpperGram.stride(2)));
        double[] one = padded(new double[] {4}, 1, UpperGram.stride(1));
        assertTrue(UpperCholesky.factor(one, 1, UpperGram.stride(1)));
        assertEquals(2, one[0]);
        assertThrows(IllegalArgumentException.class, () -> UpperCholesky.factor(spd(d, 4), d, d),
                "rows too close for the tiles");
    }

    @Test
    void rowsFurtherApartGiveTheSameFactorAndSolution() {
        for (int d : new int[] {1, 9, 33, 80}) {
            int near = UpperGram.stride(d);
            int ld = near + 11;
            double[] s = padded(spd(d, 50 + d), d, near);
            double[] padded = padded(spd(d, 50 + d), d, ld);
            assertTrue(UpperCholesky.factor(s, d, near));
            assertTrue(UpperCholesky.factor(padded, d, ld));
            double[] r = new double[d];
            java.util.Arrays.setAll(r, i -> Math.sin(i + 1.0));
            double[] rPadded = r.clone();
            UpperCholesky.solve(s, d, near, r);
            UpperCholesky.solve(padded, d, ld, rPadded);
            for (int i = 0; i < d; i++) {
                assertEquals(r[i], rPadded[i], "d = " + d + ", w_" + i);
                for (int j = i; j < d; j++) {
                    assertEquals(s[i * near + j], padded[i * ld + j], "d = " + d + ", u_" + i + j);
                }
            }
        }
    }

    @Test
    void aBandedMatrixIsFactoredWithinItsBand() {
        for (int band : new int[] {1, 5, 17, 37}) {
            int d = 80;
            SplittableRandom random = new SplittableRandom(band);
            double[] s = new double[d * d]; // S = B B^T + I, B lower triangular with the band's width
            double[] b = new double[d * d];
            for (int i = 0; i < d; i++) {
                for (int k = Math.max(0, i - band); k <= i; k++) {
                    b[i * d + k] = random.nextGaussian();
                }
            }
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    double sum = i == j ? 1 : 0;
                    for (int k = 0; k < d; k++) {
                        sum += b[i * d + k] * b[j * d + k];
                    }
                    s[i * d + j] = sum;
                }
            }
            int ld = UpperGram.stride(d);
            double[] u = padded(s, d, ld);
            assertTrue(UpperCholesky.factor(u, d, ld));
            for (int i = 0; i < d; i++) {
                for (int j = i; j < d; j++) {
                    double sum = 0;
                    for (int k = 0; k <= i; k++) {
                        sum += u[k * ld + i] * u[k * ld + j];
                    }
                    assertEquals(s[i * d + j], sum, 1e-12 * Math.abs(s[i * d + i]), "band " + band + ": (U^T U)_"
                            + i + "," + j);
                    if (j - i > band) {
                        assertEquals(0.0, u[i * ld + j], "band " + band + ": u_" + i + "," + j + " outside");
                    }
                }
            }
        }
    }
}
