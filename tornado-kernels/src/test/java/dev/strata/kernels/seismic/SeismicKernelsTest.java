package dev.strata.kernels.seismic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Each per-point body against a slow, obvious reference in double on tiny grids. */
class SeismicKernelsTest {

    private static final int NB = 2;
    private static final int CHANNELS = 2;
    private static final int CH = 1;
    private static final int NZ = 8;
    private static final int NR = NZ - 1;
    private static final int NX = 3;

    private final SplittableRandom rng = new SplittableRandom(20250715);

    @Test
    void reflectivityIsTheNormalisedImpedanceDifferenceAlongDepth() {
        float[] m = impedanceModel();
        float[] rc = new float[NB * NR * NX];
        forEachPoint(NR, (b, z, x) -> SeismicKernels.reflectivity(b, z, x, m, rc, CHANNELS, CH, NZ, NX));
        for (int b = 0; b < NB; b++) {
            for (int z = 0; z < NR; z++) {
                for (int x = 0; x < NX; x++) {
                    double upper = m[ip(b, z, x)];
                    double lower = m[ip(b, z + 1, x)];
                    assertEquals((lower - upper) / (lower + upper), rc[(b * NR + z) * NX + x], 1e-6);
                }
            }
        }
    }

    @Test
    void reflectivityJvpMatchesCentralDifferencesInDouble() {
        float[] m = impedanceModel();
        float[] dm = gaussian(m.length);
        float[] drc = new float[NB * NR * NX];
        forEachPoint(NR, (b, z, x) -> SeismicKernels.reflectivityJvp(b, z, x, m, dm, drc, CHANNELS, CH, NZ, NX));
        double h = 1e-3;
        for (int b = 0; b < NB; b++) {
            for (int z = 0; z < NR; z++) {
                for (int x = 0; x < NX; x++) {
                    int i = ip(b, z, x);
                    int j = ip(b, z + 1, x);
                    double fd = (rc(m[i] + h * dm[i], m[j] + h * dm[j]) - rc(m[i] - h * dm[i], m[j] - h * dm[j]))
                            / (2 * h);
                    double s = m[i] + m[j];
                    double scale = 2 * (Math.abs(m[i] * dm[j]) + Math.abs(m[j] * dm[i])) / (s * s);
                    assertEquals(fd, drc[(b * NR + z) * NX + x], 1e-5 * scale);
                }
            }
        }
    }

    @Test
    void reflectivityVjpGatherEqualsScatterOfThePartialDerivatives() {
        float[] m = impedanceModel();
        float[] drc = gaussian(NB * NR * NX);
        float[] dm = new float[m.length];
        forEachPoint(NZ, (b, z, x) -> SeismicKernels.reflectivityVjp(b, z, x, m, drc, dm, CHANNELS, CH, NZ, NX));
        double[] scatter = new double[m.length];
        double[] scale = new double[m.length];
        for (int b = 0; b < NB; b++) {
            for (int z = 0; z < NR; z++) {
                for (int x = 0; x < NX; x++) {
                    double a = m[ip(b, z, x)];
                    double c = m[ip(b, z + 1, x)];
                    double g = drc[(b * NR + z) * NX + x];
                    double s2 = (a + c) * (a + c);
                    scatter[ip(b, z, x)] += g * -2 * c / s2;
                    scatter[ip(b, z + 1, x)] += g * 2 * a / s2;
                    scale[ip(b, z, x)] += Math.abs(g * 2 * c / s2);
                    scale[ip(b, z + 1, x)] += Math.abs(g * 2 * a / s2);
                }
            }
        }
        for (int i = 0; i < m.length; i++) {
            assertEquals(scatter[i], dm[i], 1e-5 * scale[i], "index " + i);
        }
    }

    @Test
    void convolveDepthMatchesTheDenseConvolutionMatrix() {
        for (int nw : new int[] {1, 5, 2 * NR + 3}) {
            float[] w = gaussian(nw);
            float[] rc = gaussian(NB * NR * NX);
            float[] d = new float[rc.length];
            forEachPoint(NR, (b, z, x) -> SeismicKernels.convolveDepth(b, z, x, rc, w, d, NR, NX, nw));
            double[][] a = convolutionMatrix(w);
            for (int b = 0; b < NB; b++) {
                for (int x = 0; x < NX; x++) {
                    for (int z = 0; z < NR; z++) {
                        double want = 0;
                        for (int j = 0; j < NR; j++) {
                            want += a[z][j] * rc[(b * NR + j) * NX + x];
                        }
                        assertEquals(want, d[(b * NR + z) * NX + x], 1e-5, "nw " + nw);
                    }
                }
            }
        }
    }

    @Test
    void correlateDepthIsTheTransposeOfTheConvolutionMatrix() {
        for (int nw : new int[] {1, 5, 2 * NR + 3}) {
            float[] w = gaussian(nw);
            float[] dd = gaussian(NB * NR * NX);
            float[] drc = new float[dd.length];
            forEachPoint(NR, (b, z, x) -> SeismicKernels.correlateDepth(b, z, x, dd, w, drc, NR, NX, nw));
            double[][] a = convolutionMatrix(w);
            for (int b = 0; b < NB; b++) {
                for (int x = 0; x < NX; x++) {
                    for (int j = 0; j < NR; j++) {
                        double want = 0;
                        for (int z = 0; z < NR; z++) {
                            want += a[z][j] * dd[(b * NR + z) * NX + x];
                        }
                        assertEquals(want, drc[(b * NR + j) * NX + x], 1e-5, "nw " + nw);
                    }
                }
            }
        }
    }

    /** A[z][j] = w[z - j + c] where 0 <= z - j + c < nw: row z of "same" convolution with a centred wavelet. */
    private static double[][] convolutionMatrix(float[] w) {
        int c = (w.length - 1) / 2;
        double[][] a = new double[NR][NR];
        for (int z = 0; z < NR; z++) {
            for (int j = 0; j < NR; j++) {
                int k = z - j + c;
                if (k >= 0 && k < w.length) {
                    a[z][j] = w[k];
                }
            }
        }
        return a;
    }

    private static double rc(double upper, double lower) {
        return (lower - upper) / (lower + upper);
    }

    private static int ip(int b, int z, int x) {
        return ((b * CHANNELS + CH) * NZ + z) * NX + x;
    }

    /** [NB][CHANNELS][NZ][NX]: impedance in 3000..9000 in channel CH, noise elsewhere (the kernels must ignore it). */
    private float[] impedanceModel() {
        float[] m = gaussian(NB * CHANNELS * NZ * NX);
        for (int b = 0; b < NB; b++) {
            for (int z = 0; z < NZ; z++) {
                for (int x = 0; x < NX; x++) {
                    m[ip(b, z, x)] = (float) (3000 + 6000 * rng.nextDouble());
                }
            }
        }
        return m;
    }

    private float[] gaussian(int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) rng.nextGaussian();
        }
        return v;
    }

    private interface PointBody {
        void run(int b, int z, int x);
    }

    private static void forEachPoint(int depth, PointBody body) {
        for (int b = 0; b < NB; b++) {
            for (int z = 0; z < depth; z++) {
                for (int x = 0; x < NX; x++) {
                    body.run(b, z, x);
                }
            }
        }
    }
}
