package dev.strata.forward.seismic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class RickerWaveletTest {

    /** 25 Hz at 2 ms over +-100 ms: the tails, exp(-(pi f t)^2) at t = 0.1 s, are below 1e-26. */
    private final RickerWavelet ricker = new RickerWavelet(25, 0.002, 101);

    @Test
    void peakAtTheCentreIsOne() {
        float[] w = ricker.samples();
        assertEquals(50, ricker.centre());
        assertEquals(1.0f, w[ricker.centre()]);
        for (float v : w) {
            assertTrue(v <= 1.0f);
        }
    }

    @Test
    void symmetricAboutTheCentre() {
        float[] w = ricker.samples();
        int c = ricker.centre();
        for (int k = 1; k <= c; k++) {
            assertEquals(w[c - k], w[c + k], "offset " + k);
        }
    }

    @Test
    void hasZeroMean() {
        double sum = 0;
        double sumAbs = 0;
        for (float v : ricker.samples()) {
            sum += v;
            sumAbs += Math.abs(v);
        }
        assertTrue(Math.abs(sum) < 1e-5 * sumAbs, "sum " + sum + " of total |w| " + sumAbs);
    }

    /** |W(nu)| = |sum_k w_k cos(2 pi nu t_k)| (w is even); the continuous spectrum nu^2 exp(-nu^2/f^2) peaks at f. */
    @Test
    void amplitudeSpectrumPeaksAtThePeakFrequency() {
        float[] w = ricker.samples();
        int c = ricker.centre();
        double nyquist = 0.5 / ricker.dt();
        double best = 0;
        double bestNu = 0;
        for (double nu = 0.1; nu < nyquist; nu += 0.1) {
            double s = 0;
            for (int k = 0; k < w.length; k++) {
                s += w[k] * Math.cos(2 * Math.PI * nu * (k - c) * ricker.dt());
            }
            if (Math.abs(s) > best) {
                best = Math.abs(s);
                bestNu = nu;
            }
        }
        assertEquals(ricker.peakFrequency(), bestNu, 0.01 * ricker.peakFrequency());
    }

    @Test
    void symmetricSamplesOfEvenLengthPeakBetweenTheTwoMiddleSamples() {
        float[] w = RickerWavelet.symmetricSamples(25, 0.002, 100);
        assertEquals(100, w.length);
        for (int k = 0; k < 50; k++) {
            assertEquals(w[k], w[99 - k], "offset " + k);
        }
        assertTrue(w[49] < 1.0f && w[49] > w[48], "peak between samples 49 and 50: " + w[48] + ", " + w[49]);
        assertArrayEquals(ricker.samples(), RickerWavelet.symmetricSamples(25, 0.002, 101), "odd length");
        assertMessage(() -> RickerWavelet.symmetricSamples(25, 0.002, 0), "positive");
        assertMessage(() -> RickerWavelet.symmetricSamples(300, 0.002, 10), "Nyquist");
    }

    @Test
    void samplesReturnsAFreshCopy() {
        float[] w = ricker.samples();
        w[ricker.centre()] = 42;
        assertEquals(1.0f, ricker.samples()[ricker.centre()]);
    }

    @Test
    void rejectsInvalidParametersWithClearMessages() {
        assertMessage(() -> new RickerWavelet(25, 0.002, 100), "odd");
        assertMessage(() -> new RickerWavelet(25, 0.002, 0), "odd");
        assertMessage(() -> new RickerWavelet(0, 0.002, 101), "peak frequency");
        assertMessage(() -> new RickerWavelet(Double.NaN, 0.002, 101), "peak frequency");
        assertMessage(() -> new RickerWavelet(25, -0.002, 101), "dt");
        assertMessage(() -> new RickerWavelet(300, 0.002, 101), "Nyquist");
    }

    private static void assertMessage(Executable call, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
