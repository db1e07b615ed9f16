package dev.strata.forward;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.forward.seismic.ConvolutionalSeismic;
import dev.strata.forward.seismic.RickerWavelet;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Normalised units in (per-element affine map), whitened data out: the composition invert samples through. */
class AffineWhitenedSeismicTest extends ForwardOperatorContract {
    private static final int NZ = 24;
    private static final int NX = 5;
    private static final ConvolutionalSeismic SEISMIC = new ConvolutionalSeismic(2, NZ, NX, 1,
            new RickerWavelet(30, 0.002, 21).samples());

    private static float[] offsets() {
        float[] o = new float[2 * NZ * NX];
        for (int i = 0; i < NZ * NX; i++) {
            o[i] = 0.3f;
            o[NZ * NX + i] = 6000 + 10 * (i / NX); // a trend with depth
        }
        return o;
    }

    private static float[] scales() {
        float[] s = new float[2 * NZ * NX];
        for (int i = 0; i < NZ * NX; i++) {
            s[i] = 0.5f;
            s[NZ * NX + i] = 500;
        }
        return s;
    }

    private static double[] sigmas() {
        double[] s = new double[SEISMIC.outputSize()];
        for (int j = 0; j < s.length; j++) {
            s[j] = 0.01 + 0.001 * (j % 7);
        }
        return s;
    }

    @Override
    protected ForwardOperator operator() {
        return new WhitenedOutput(new AffineInput(SEISMIC, offsets(), scales()), sigmas());
    }

    /** Normalised models of unit size around physical offsets of 6000: the step is relative to the normalised x. */
    @Override
    protected double taylorRelativeStep() {
        return 0.6;
    }

    @Override
    protected float[] randomModels(SplittableRandom random, int n) {
        float[] x = new float[n * 2 * NZ * NX];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (random.nextDouble() * 2 - 1);
        }
        return x;
    }

    @Test
    void normalisedModelMapsToPhysicalAndBack() {
        AffineInput a = new AffineInput(SEISMIC, offsets(), scales());
        float[] x = randomModels(rng, 2);
        float[] p = a.toPhysical(x);
        assertEquals(6000 + 10 * 3 + 500 * x[NZ * NX + 3 * NX], p[NZ * NX + 3 * NX], 1e-3);
        float[] o = offsets();
        float[] s = scales();
        for (int i = 0; i < x.length; i++) { // every element of both members, each with its own element's map
            assertEquals(o[i % o.length] + s[i % o.length] * x[i], p[i], "element " + i);
        }
        assertArrayEquals(x, a.toNormalised(p), 1e-5f);
    }

    @Test
    void whitenedDataAreTheDataOverTheirSigma() {
        float[] x = randomModels(rng, 2);
        AffineInput a = new AffineInput(SEISMIC, offsets(), scales());
        WhitenedOutput w = new WhitenedOutput(a, sigmas());
        float[] y = a.apply(x, 2);
        float[] yw = w.apply(x, 2);
        double[] s = sigmas();
        for (int j = 0; j < y.length; j++) { // both members, each datum over its own sigma
            assertEquals(y[j] / s[j % s.length], yw[j], 1e-4 * Math.abs(yw[j]) + 1e-6);
        }
    }

    @Test
    void refusesNonPositiveSigmaByPosition() {
        double[] s = sigmas();
        s[4] = 0;
        assertRejected(() -> new WhitenedOutput(SEISMIC, s), "datum 4");
    }
}
