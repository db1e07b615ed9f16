package dev.strata.sampler.prior;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The truncated 2-D DCT-II against its definition, phi_{k,l}(i, j) = a_k cos(pi (i + 1/2) k / nz) a_l cos(...). */
class CosineBasisTest {
    private static final int NZ = 7;
    private static final int NX = 9;

    @Test
    void analyzeGivesTheInnerProductsWithEachModeAndSynthesisAddsTheModesBack() {
        Random random = new Random(3);
        double[] f = new double[NZ * NX];
        for (int i = 0; i < f.length; i++) {
            f[i] = random.nextGaussian();
        }
        CosineBasis basis = new CosineBasis(NZ, NX, 5, 6);
        double[] y = basis.analyze(f, 0);
        for (int k = 0; k < 5; k++) {
            for (int l = 0; l < 6; l++) {
                double s = 0;
                for (int i = 0; i < NZ; i++) {
                    for (int j = 0; j < NX; j++) {
                        s += mode(k, l, i, j) * f[i * NX + j];
                    }
                }
                assertEquals(s, y[k * 6 + l], 1e-12, "coefficient (" + k + ", " + l + ")");
            }
        }
        double[] out = new double[NZ * NX];
        basis.synthesizeAdd(y, 2.0, out, 0);
        for (int i = 0; i < NZ; i++) {
            for (int j = 0; j < NX; j++) {
                double s = 0;
                for (int m = 0; m < y.length; m++) {
                    s += y[m] * mode(m / 6, m % 6, i, j);
                }
                assertEquals(2 * s, out[i * NX + j], 1e-12, "point (" + i + ", " + j + ")");
            }
        }
    }

    @Test
    void allModesKeptGiveBackTheField() {
        Random random = new Random(5);
        float[] f = new float[2 * NZ * NX];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) random.nextGaussian();
        }
        CosineBasis basis = new CosineBasis(NZ, NX, NZ, NX);
        float[] out = new float[f.length];
        basis.synthesizeAdd(basis.analyze(f, NZ * NX), 1.0, out, NZ * NX);
        for (int i = 0; i < NZ * NX; i++) {
            assertEquals(0f, out[i], "the first field is left alone");
            assertEquals(f[NZ * NX + i], out[NZ * NX + i], 1e-6, "point " + i);
        }
    }

    private static double mode(int k, int l, int i, int j) {
        return scale(k, NZ) * Math.cos(Math.PI * (i + 0.5) * k / NZ)
                * scale(l, NX) * Math.cos(Math.PI * (j + 0.5) * l / NX);
    }

    private static double scale(int k, int n) {
        return Math.sqrt((k == 0 ? 1.0 : 2.0) / n);
    }
}
