package dev.strata.sampler.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link UpperGram} on random banded columns of every size around the tile: S + A A^T on the upper triangle is the
 * sum over the columns in their order with fused multiply-adds, bit for bit, and nothing else of S changes.
 */
class UpperGramTest {

    /** Columns of d rows, each Gaussian on a random band [lo, hi] and zero elsewhere, packed at the stride. */
    private record Columns(double[] a, int stride, int[] lo, int[] hi) {
        static Columns random(int d, int p, SplittableRandom random) {
            int stride = UpperGram.stride(d);
            double[] a = new double[p * stride];
            int[] lo = new int[p];
            int[] hi = new int[p];
            for (int q = 0; q < p; q++) {
                lo[q] = random.nextInt(d);
                hi[q] = Math.min(d - 1, lo[q] + random.nextInt(Math.max(1, d / 2)));
                for (int i = lo[q]; i <= hi[q]; i++) {
                    a[q * stride + i] = random.nextGaussian();
                }
            }
            return new Columns(a, stride, lo, hi);
        }
    }

    /** s_ij = fma(a_qi, a_qj, s_ij) for q = 0 .. p - 1, j &gt;= i, one entry at a time. */
    private static void fusedSums(double[] s, int d, int ld, Columns c, int p) {
        for (int i = 0; i < d; i++) {
            for (int j = i; j < d; j++) {
                for (int q = 0; q < p; q++) {
                    int base = q * c.stride();
                    s[i * ld + j] = Math.fma(c.a()[base + i], c.a()[base + j], s[i * ld + j]);
                }
            }
        }
    }

    @Test
    void gramEqualsTheFusedSumsBitForBitAndChangesNothingElse() {
        SplittableRandom random = new SplittableRandom(7);
        for (int d : new int[] {1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 32, 33, 80, 97, 240}) {
            for (int p : new int[] {1, 3, 40, 160}) {
                Columns c = Columns.random(d, p, random);
                int ld = UpperGram.stride(d);
                double[] s = new double[ld * ld];
                for (int k = 0; k < s.length; k++) {
                    int i = k / ld;
                    int j = k % ld;
                    s[k] = i < d && j < d && j >= i ? random.nextGaussian() : Double.NaN; // NaN outside
                }
                double[] expected = s.clone();
                fusedSums(expected, d, ld, c, p);
                UpperGram.add(s, d, c.a(), p, c.lo(), c.hi());
                for (int k = 0; k < s.length; k++) {
                    assertEquals(expected[k], s[k], "d = " + d + ", p = " + p + ", (" + k / ld + ", " + k % ld
                            + ")");
                }
            }
        }
    }

    @Test
    void aMatrixWithoutPaddedRowsIsRefused() {
        int ld = UpperGram.stride(80);
        assertThrows(IllegalArgumentException.class,
                () -> UpperGram.add(new double[80 * 80], 80, new double[2 * ld], 2, new int[2], new int[2]));
    }
}
