package dev.strata.forward.seismic;

import dev.strata.forward.ForwardOperator;
import dev.strata.forward.verify.OperatorVerification;
import dev.strata.kernels.ComputeBackend;
import java.util.List;
import java.util.SplittableRandom;

/** {@code strata verify} for {@link ConvolutionalSeismic} on a 2 x 24 x 16 grid, plus a single-interface check. */
public final class SeismicVerification implements OperatorVerification {
    private static final int NZ = 24;
    private static final int NX = 16;
    private static final RickerWavelet WAVELET = new RickerWavelet(25.0, 0.004, 31);

    @Override
    public String name() {
        return "seismic.convolutional";
    }

    @Override
    public ForwardOperator operator(ComputeBackend backend) {
        return new ConvolutionalSeismic(2, NZ, NX, ConvolutionalSeismic.IMPEDANCE_CHANNEL, WAVELET.samples(), backend);
    }

    @Override
    public float[] models(ForwardOperator op, SplittableRandom random, int n) {
        float[] x = new float[n * op.inputSize()];
        int plane = NZ * NX;
        for (int b = 0; b < n; b++) {
            for (int i = 0; i < plane; i++) {
                x[(2 * b) * plane + i] = random.nextBoolean() ? 1 : 0;
                x[(2 * b + 1) * plane + i] = (float) (4000 + 4000 * random.nextDouble());
            }
        }
        return x;
    }

    /** One interface between 5000 and 7000: the trace is the wavelet times rc = 1/6, centred at the interface. */
    @Override
    public List<PhysicsCheck> physicsChecks(ComputeBackend backend) {
        ForwardOperator op = operator(backend);
        int plane = NZ * NX;
        float[] x = new float[op.inputSize()];
        int step = NZ / 2;
        for (int z = 0; z < NZ; z++) {
            for (int ix = 0; ix < NX; ix++) {
                x[plane + z * NX + ix] = z <= step ? 5000f : 7000f;
            }
        }
        float[] d = op.apply(x, 1);
        float[] w = WAVELET.samples();
        double rc = 2000.0 / 12000.0;
        double err = 0;
        for (int z = 0; z < NZ - 1; z++) {
            int k = z - step + WAVELET.centre();
            double expected = k >= 0 && k < w.length ? rc * w[k] : 0;
            err = Math.max(err, Math.abs(d[z * NX + 3] - expected));
        }
        return List.of(new PhysicsCheck("singleInterfaceTraceMaxAbsError", err, 1e-6));
    }
}
