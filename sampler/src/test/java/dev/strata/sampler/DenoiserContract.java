package dev.strata.sampler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Denoiser} must do, inherited by each implementation's test: its VJP is the transpose of its
 * Jacobian (checked against central differences of the denoiser itself), a batch gives what one-at-a-time calls
 * give, inputs are left alone and wrong sizes are rejected.
 */
public abstract class DenoiserContract {

    protected abstract Denoiser denoiser();

    /** {@code n} points where the denoiser is worth probing (near its data, where responsibilities mix). */
    protected abstract float[] input(int n, long seed);

    /** Noise levels to probe. */
    protected double[] sigmas() {
        return new double[] {0.05, 0.5, 5.0};
    }

    @Test
    void vjpMatchesCentralDifferencesOfTheDenoiser() {
        Denoiser den = denoiser();
        int n = 2;
        int size = den.size();
        for (double sigma : sigmas()) {
            float[] x = input(n, 11);
            float[] u = new Gaussian(12).array(n * size, 1);
            float[] v = new Gaussian(13).array(n * size, 1);
            double h = 1e-3 * Math.max(sigma, 0.01);
            float[] plus = x.clone();
            float[] minus = x.clone();
            for (int i = 0; i < x.length; i++) {
                plus[i] = (float) (x[i] + h * v[i]);
                minus[i] = (float) (x[i] - h * v[i]);
            }
            float[] dp = den.denoise(plus, sigma, n);
            float[] dm = den.denoise(minus, sigma, n);
            float[] jtu = den.vjp(x, sigma, u, n);
            // <u, D(x + h v) - D(x - h v)> against <J^T u, (x + h v) - (x - h v)>, with the perturbation as rounded
            double fd = 0;
            double an = 0;
            for (int i = 0; i < x.length; i++) {
                fd += u[i] * ((double) dp[i] - dm[i]);
                an += jtu[i] * ((double) plus[i] - minus[i]);
            }
            double tol = 2 * h * (2e-3 * norm(jtu) * norm(v) + 1e-4 * norm(u) * norm(v))
                    + 1e-6 * norm(u) * (1 + maxAbs(dp)); // float rounding of D
            assertEquals(an, fd, tol, "sigma " + sigma);
        }
    }

    @Test
    void batchGivesWhatOneAtATimeGives() {
        Denoiser den = denoiser();
        int size = den.size();
        float[] x = input(3, 21);
        float[] v = new Gaussian(22).array(3 * size, 1);
        double sigma = sigmas()[1];
        float[] all = den.denoise(x, sigma, 3);
        float[] allVjp = den.vjp(x, sigma, v, 3);
        for (int b = 0; b < 3; b++) {
            float[] xb = Arrays.copyOfRange(x, b * size, (b + 1) * size);
            float[] vb = Arrays.copyOfRange(v, b * size, (b + 1) * size);
            assertArrayEquals(Arrays.copyOfRange(all, b * size, (b + 1) * size), den.denoise(xb, sigma, 1), 1e-5f);
            assertArrayEquals(Arrays.copyOfRange(allVjp, b * size, (b + 1) * size), den.vjp(xb, sigma, vb, 1),
                    (float) (1e-4 * (1 + maxAbs(allVjp))));
        }
    }

    @Test
    void inputsAreNotModified() {
        Denoiser den = denoiser();
        float[] x = input(2, 31);
        float[] v = new Gaussian(32).array(x.length, 1);
        float[] x0 = x.clone();
        float[] v0 = v.clone();
        den.denoise(x, sigmas()[0], 2);
        den.vjp(x, sigmas()[0], v, 2);
        assertArrayEquals(x0, x);
        assertArrayEquals(v0, v);
    }

    @Test
    void wrongSizesAreRejected() {
        Denoiser den = denoiser();
        float[] x = input(2, 41);
        assertThrows(IllegalArgumentException.class, () -> den.denoise(x, 1.0, 3));
        assertThrows(IllegalArgumentException.class, () -> den.vjp(x, 1.0, new float[x.length + 1], 2));
        assertThrows(IllegalArgumentException.class, () -> den.denoise(x, -1.0, 2));
    }

    @Test
    void outputIsFinite() {
        Denoiser den = denoiser();
        float[] x = input(2, 51);
        for (double sigma : new double[] {1e-3, sigmas()[0], 80}) {
            for (float f : den.denoise(x, sigma, 2)) {
                assertTrue(Float.isFinite(f), "sigma " + sigma);
            }
        }
    }

    protected static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (double) a[i] * b[i];
        }
        return s;
    }

    protected static double norm(float[] a) {
        return Math.sqrt(dot(a, a));
    }

    private static double maxAbs(float[] a) {
        double m = 0;
        for (float f : a) {
            m = Math.max(m, Math.abs(f));
        }
        return m;
    }
}
