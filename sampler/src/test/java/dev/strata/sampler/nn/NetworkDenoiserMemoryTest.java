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
 * (42 arrays) and nothing more however many calls it serves; DJL attaches every native result to a manager, so this
 * count sees any leaked tensor. The process's resident memory is checked too, loosely: it also grows while the JVM
 * first touches its heap and while malloc settles (measured 30 to 50 MB over the first 200 small calls, then flat:
 * +8 MB from 1000 to 3000 calls of 16 samples with a 128 MB heap; 9 to 31 MB over these 80), whereas leaking one
 * iteration's activations (about 12 MB per forward pass of 16 samples, more with the backward pass) would cost
 * gigabytes over the 80 iterations here.
 */
class NetworkDenoiserMemoryTest {
    private static final int CALLS = 80;

    @Test
    void nativeMemoryStaysFlatOverManyDenoiseAndVjpCalls() throws IOException {
        try (NetworkDenoiser net = NetworkDenoiser.loadShippedGaussian16()) {
            int n = 16;
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
            assertTrue(grownKb < 512 * 1024, "resident memory grew by " + grownKb + " kB over " + CALLS + " calls");
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
