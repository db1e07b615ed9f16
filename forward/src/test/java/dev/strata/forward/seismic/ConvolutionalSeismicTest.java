package dev.strata.forward.seismic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.forward.ForwardOperator;
import dev.strata.forward.ForwardOperatorContract;
import dev.strata.kernels.jvm.JvmBackend;
import dev.strata.kernels.jvm.JvmConfig;
import dev.strata.kernels.seismic.SeismicKernels;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ConvolutionalSeismicTest extends ForwardOperatorContract {

    private static final RickerWavelet WAVELET = new RickerWavelet(25, 0.004, 31);
    private static final int CHANNELS = 2;
    private static final int NZ = ConvolutionalSeismic.DEFAULT_NZ;
    private static final int NX = ConvolutionalSeismic.DEFAULT_NX;
    private static final int FACIES = ConvolutionalSeismic.FACIES_CHANNEL;
    private static final int IP = ConvolutionalSeismic.IMPEDANCE_CHANNEL;

    @Override
    protected ForwardOperator operator() {
        return ConvolutionalSeismic.defaultProblem(WAVELET);
    }

    /** Facies 0 / 1 and impedance uniform in 4000 .. 8000 (positive everywhere), independent per point. */
    @Override
    protected float[] randomModels(SplittableRandom random, int n) {
        return ImpedanceModels.random(random, n, NZ, NX);
    }

    @Test
    void defaultProblemMapsTwoChannelsOf80By100ToData79By100() {
        ForwardOperator op = operator();
        assertArrayEquals(new int[] {2, 80, 100}, op.inputShape());
        assertArrayEquals(new int[] {79, 100}, op.outputShape());
    }

    @Test
    void singleImpedanceStepGivesTheWaveletCentredAtTheStepScaledByTheReflectionCoefficient() {
        float[] w = WAVELET.samples();
        int c = WAVELET.centre();
        float upper = 5000;
        float lower = 8000;
        double reflection = (lower - upper) / (double) (lower + upper);
        for (int step : new int[] {NZ / 2, 3}) {
            float[] x = randomModels(rng, 1);
            for (int z = 0; z < NZ; z++) {
                for (int ix = 0; ix < NX; ix++) {
                    x[index(0, IP, z, ix)] = z <= step ? upper : lower;
                }
            }
            float[] d = operator().apply(x, 1);
            for (int z = 0; z < NZ - 1; z++) {
                int k = z - step + c;
                double want = k >= 0 && k < w.length ? reflection * w[k] : 0;
                for (int ix = 0; ix < NX; ix++) {
                    assertEquals(want, d[z * NX + ix], 1e-6, "step " + step + ", z " + z + ", x " + ix);
                }
            }
        }
    }

    @Test
    void faciesChannelHasZeroGradient() {
        ForwardOperator op = operator();
        float[] x = randomModels(rng, BATCH);
        float[] dx = op.vjp(x, gaussian(rng, BATCH * op.outputSize()), BATCH);
        double ipGradient = 0;
        for (int b = 0; b < BATCH; b++) {
            for (int i = 0; i < NZ * NX; i++) {
                assertEquals(0.0f, dx[index(b, FACIES, 0, 0) + i], "vjp in the facies channel");
                ipGradient += Math.abs(dx[index(b, IP, 0, 0) + i]);
            }
        }
        assertTrue(ipGradient > 0, "the impedance gradient should not vanish");

        float[] faciesOnly = gaussian(rng, BATCH * op.inputSize());
        for (int b = 0; b < BATCH; b++) {
            for (int i = 0; i < NZ * NX; i++) {
                faciesOnly[index(b, IP, 0, 0) + i] = 0;
            }
        }
        assertArrayEquals(new float[BATCH * op.outputSize()], op.jvp(x, faciesOnly, BATCH),
                "jvp of a facies-only perturbation");
    }

    @Test
    void rejectsNonPositiveImpedanceNamingThePosition() {
        ForwardOperator op = operator();
        float[] x = randomModels(rng, BATCH);
        x[index(1, IP, 5, 7)] = -1e5f;
        float[] dx = gaussian(rng, BATCH * op.inputSize());
        float[] dy = gaussian(rng, BATCH * op.outputSize());
        String where = "batch 1, z 4, x 7";
        assertRejected(() -> op.apply(x, BATCH), where);
        assertRejected(() -> op.jvp(x, dx, BATCH), where);
        assertRejected(() -> op.vjp(x, dy, BATCH), where);
    }

    @Test
    void rejectsAnEvenWaveletAndAMissingImpedanceChannel() {
        assertRejected(() -> new ConvolutionalSeismic(2, NZ, NX, IP, new float[4]), "odd");
        assertRejected(() -> new ConvolutionalSeismic(2, NZ, NX, 2, WAVELET.samples()), "impedance channel 2");
        assertRejected(() -> new ConvolutionalSeismic(2, 1, NX, IP, WAVELET.samples()), "nz >= 2");
    }

    /**
     * The kernel-graph operator gives the same bits as the per-point bodies run in plain serial loops, on the default
     * JVM backend and on a single-threaded scalar one: apply, vjp and jvp.
     */
    @Test
    void kernelGraphsGiveTheBitsOfThePerPointBodiesInSerialLoops() {
        float[] x = randomModels(rng, BATCH);
        float[] dx = gaussian(rng, x.length);
        float[] dy = gaussian(rng, BATCH * (NZ - 1) * NX);
        float[] w = WAVELET.samples();
        int nr = NZ - 1;
        float[] rc = new float[dy.length];
        float[] drcJvp = new float[dy.length];
        float[] drcVjp = new float[dy.length];
        float[] d = new float[dy.length];
        float[] dyJvp = new float[dy.length];
        float[] dxVjp = new float[x.length];
        for (int b = 0; b < BATCH; b++) {
            for (int z = 0; z < nr; z++) {
                for (int ix = 0; ix < NX; ix++) {
                    SeismicKernels.reflectivity(b, z, ix, x, rc, CHANNELS, IP, NZ, NX);
                    SeismicKernels.reflectivityJvp(b, z, ix, x, dx, drcJvp, CHANNELS, IP, NZ, NX);
                    SeismicKernels.correlateDepth(b, z, ix, dy, w, drcVjp, nr, NX, w.length);
                }
            }
            for (int z = 0; z < nr; z++) {
                for (int ix = 0; ix < NX; ix++) {
                    SeismicKernels.convolveDepth(b, z, ix, rc, w, d, nr, NX, w.length);
                    SeismicKernels.convolveDepth(b, z, ix, drcJvp, w, dyJvp, nr, NX, w.length);
                }
            }
            for (int z = 0; z < NZ; z++) {
                for (int ix = 0; ix < NX; ix++) {
                    SeismicKernels.reflectivityVjp(b, z, ix, x, drcVjp, dxVjp, CHANNELS, IP, NZ, NX);
                }
            }
        }
        try (JvmBackend scalar = new JvmBackend(JvmConfig.defaults().withThreads(1).withVectorized(false))) {
            for (ForwardOperator op : new ForwardOperator[] {operator(),
                    ConvolutionalSeismic.defaultProblem(WAVELET, scalar)}) {
                assertArrayEquals(d, op.apply(x, BATCH));
                assertArrayEquals(dyJvp, op.jvp(x, dx, BATCH));
                assertArrayEquals(dxVjp, op.vjp(x, dy, BATCH));
            }
        }
    }

    private static int index(int b, int channel, int z, int x) {
        return ((b * CHANNELS + channel) * NZ + z) * NX + x;
    }
}
