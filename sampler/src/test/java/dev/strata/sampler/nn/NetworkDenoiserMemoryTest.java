package dev.strata.sampler.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.sampler.Gaussian;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Every call runs in a child NDManager that is closed before it returns, so the denoiser's manager holds its weights
 * and nothing more however many calls it serves, and the process's resident memory stays flat. A leak of one call's
 * activations would be about 4 MB per call here (4 samples, some 60 arrays of up to 4 x 48 x 16 x 16 floats), so the
 * RSS bound of 64 MB over 200 calls would catch a leak of a tenth of them.
 */
class NetworkDenoiserMemoryTest {
    private static final int CALLS = 200;

    @Test
    void nativeMemoryStaysFlatOverManyDenoiseAndVjpCalls() throws IOException {
        try (NetworkDenoiser net = NetworkDenoiser.loadShippedGaussian16()) {
            int n = 4;
            float[] x = new Gaussian(1).array(n * net.size(), 1);
            float[] v = new Gaussian(2).array(n * net.size(), 1);
            for (int i = 0; i < 20; i++) {
                call(net, x, v, n, i);
            }
            int arrays = net.openArrays();
            long rss = residentKb();
            for (int i = 0; i < CALLS; i++) {
                call(net, x, v, n, i);
            }
            assertEquals(arrays, net.openArrays(), "arrays held by the denoiser's manager");
            long grownKb = residentKb() - rss;
            assertTrue(grownKb < 64 * 1024, "resident memory grew by " + grownKb + " kB over " + CALLS + " calls");
        }
    }

    private static void call(NetworkDenoiser net, float[] x, float[] v, int n, int i) {
        double sigma = Math.exp(-3 + 6.0 * (i % 7) / 6);
        net.denoise(x, sigma, n);
        net.vjp(x, sigma, v, n);
    }

    /** VmRSS of this process from /proc/self/status, in kB. */
    static long residentKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }
}
