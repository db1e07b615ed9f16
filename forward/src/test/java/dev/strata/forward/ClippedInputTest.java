package dev.strata.forward;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.forward.seismic.ConvolutionalSeismic;
import dev.strata.forward.seismic.RickerWavelet;
import dev.strata.forward.verify.DerivativeChecks;
import dev.strata.forward.verify.OperatorVerification;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A seismic operator behind a clip box of impedances 4000..9000, models partly outside it. */
class ClippedInputTest extends ForwardOperatorContract {
    private static final int NZ = 20;
    private static final int NX = 4;
    private static final ConvolutionalSeismic SEISMIC = new ConvolutionalSeismic(1, NZ, NX, 0,
            new RickerWavelet(30, 0.002, 21).samples());

    @Override
    protected ForwardOperator operator() {
        return new ClippedInput(SEISMIC, 4000, 9000);
    }

    /** Impedances 5000..8000, inside the box (the Taylor test needs the clip to be smooth near x). */
    @Override
    protected float[] randomModels(SplittableRandom random, int n) {
        float[] x = new float[n * NZ * NX];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (5000 + 3000 * random.nextDouble());
        }
        return x;
    }

    @Test
    void valuesOutsideTheBoxActAsTheBoxEdgeAndGetNoGradient() {
        float[] x = outsideTheBox();
        float[] clipped = atTheEdges(x, 4000, 9000);
        ForwardOperator op = operator();
        assertArrayEquals(SEISMIC.apply(clipped, 1), op.apply(x, 1));
        float[] g = op.vjp(x, gaussian(rng, op.outputSize()), 1);
        assertEquals(0, g[7]);
        assertEquals(0, g[9]);
        assertTrue(g[8] != 0);
        float[] dy = gaussian(rng, op.outputSize());
        float[] dx = gaussian(rng, op.inputSize());
        assertTrue(DerivativeChecks.dotProductError(op, x, dx, dy, 1) < OperatorVerification.DOT_TOLERANCE,
                "the masked adjoint matches the masked JVP outside the box too");
    }

    /** A bound that is no float clips to the float inside the box, never to the nearest one outside it. */
    @Test
    void boundsThatAreNoFloatsRoundInwards() {
        double hi = Math.nextUp(9000f) - 1e-4; // nearest float is nextUp(9000f), above hi
        double lo = Math.nextDown(4000f) + 1e-4; // nearest float is nextDown(4000f), below lo
        ForwardOperator op = new ClippedInput(SEISMIC, lo, hi);
        float[] x = outsideTheBox();
        assertArrayEquals(SEISMIC.apply(atTheEdges(x, 4000f, 9000f), 1), op.apply(x, 1));
    }

    /** A model inside the box except value 7 (below it) and value 9 (above it). */
    private float[] outsideTheBox() {
        float[] x = randomModels(rng, 1);
        x[7] = 100;
        x[9] = 20000;
        return x;
    }

    /** {@code x} of {@link #outsideTheBox()} with its two outside values moved to the edges {@code lo}, {@code hi}. */
    private static float[] atTheEdges(float[] x, float lo, float hi) {
        float[] clipped = x.clone();
        clipped[7] = lo;
        clipped[9] = hi;
        return clipped;
    }
}
