package dev.strata.tornado;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.forward.ForwardOperator;
import dev.strata.forward.seismic.ConvolutionalSeismic;
import dev.strata.forward.seismic.HardDataOperator;
import dev.strata.forward.seismic.HardDataVerification;
import dev.strata.forward.seismic.RickerWavelet;
import dev.strata.forward.seismic.SeismicVerification;
import dev.strata.forward.verify.OperatorVerification;
import dev.strata.forward.verify.VerificationResult;
import dev.strata.forward.verify.Verifier;
import dev.strata.kernels.ComputeBackend;
import dev.strata.kernels.ComputeBackends;
import dev.strata.kernels.jvm.JvmBackend;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The convolutional seismic operator (80 x 100 paper grid, batch 2) and the hard-data operator on TornadoVM against
 * the JVM backend, and their {@code strata verify} checks on TornadoVM. Strict mode: no silent fallback to Java.
 */
class SeismicOnTornadoTest {

    /**
     * Seismic apply / jvp / vjp, float: OpenCL is built with -cl-mad-enable -cl-fast-relaxed-math, so the
     * reflectivity quotients and the 31-tap sums may round differently (contracted multiply-adds, reciprocal
     * division). Measured max relative difference (max |a - b| / max |b|): apply 2.4e-7, jvp 1.4e-7, vjp 2.6e-7;
     * 1e-5 bounds them with margin.
     */
    static final double SEISMIC_TOLERANCE = 1e-5;

    private static ComputeBackend tornado;
    private static ComputeBackend jvm;

    @BeforeAll
    static void open() {
        tornado = ComputeBackends.open("tornadovm");
        jvm = JvmBackend.withDefaults();
    }

    @AfterAll
    static void close() {
        tornado.close();
        jvm.close();
    }

    @Test
    void seismicApplyJvpAndVjpMatchTheJvmBackend() {
        RickerWavelet w = new RickerWavelet(25, 0.004, 31);
        ForwardOperator dev = ConvolutionalSeismic.defaultProblem(w, tornado);
        ForwardOperator ref = ConvolutionalSeismic.defaultProblem(w, jvm);
        int n = 2;
        SplittableRandom random = new SplittableRandom(15809);
        float[] x = models(random, n, ref.inputSize());
        float[] dx = gaussian(random, x.length);
        float[] dy = gaussian(random, n * ref.outputSize());
        double apply = Differences.maxRelative(dev.apply(x, n), ref.apply(x, n));
        double jvp = Differences.maxRelative(dev.jvp(x, dx, n), ref.jvp(x, dx, n));
        double vjp = Differences.maxRelative(dev.vjp(x, dy, n), ref.vjp(x, dy, n));
        assertTrue(apply <= SEISMIC_TOLERANCE && jvp <= SEISMIC_TOLERANCE && vjp <= SEISMIC_TOLERANCE,
                "max relative differences apply " + apply + ", jvp " + jvp + ", vjp " + vjp);
    }

    /** Gather and scatter only copy values: the two backends agree bit for bit, zeros included. */
    @Test
    void hardDataApplyAndAdjointEqualTheJvmBackendBitForBit() {
        HardDataOperator dev = HardDataOperator.wells(tornado, 2, 24, 16, 3, 11);
        HardDataOperator ref = HardDataOperator.wells(jvm, 2, 24, 16, 3, 11);
        SplittableRandom random = new SplittableRandom(3);
        float[] x = gaussian(random, 2 * ref.inputSize());
        float[] y = gaussian(random, 2 * ref.outputSize());
        assertArrayEquals(ref.apply(x, 2), dev.apply(x, 2));
        assertArrayEquals(ref.adjoint(y, 2), dev.adjoint(y, 2));
    }

    @Test
    void verificationsPassOnTornadoVm() {
        for (OperatorVerification v : new OperatorVerification[] {new SeismicVerification(),
                new HardDataVerification()}) {
            VerificationResult r = Verifier.run(v, tornado);
            assertTrue(r.ok(), r.toString());
        }
    }

    /** Facies 0 / 1 in channel 0, impedance uniform in 4000 .. 8000 in channel 1. */
    static float[] models(SplittableRandom random, int n, int size) {
        float[] x = new float[n * size];
        int plane = size / 2;
        for (int b = 0; b < n; b++) {
            for (int i = 0; i < plane; i++) {
                x[b * size + i] = random.nextBoolean() ? 1 : 0;
                x[b * size + plane + i] = (float) (4000 + 4000 * random.nextDouble());
            }
        }
        return x;
    }

    static float[] gaussian(SplittableRandom random, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }
}
