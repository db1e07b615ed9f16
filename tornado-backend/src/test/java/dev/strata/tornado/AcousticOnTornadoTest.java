package dev.strata.tornado;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.forward.acoustic.AbsorbingBoundary;
import dev.strata.forward.acoustic.AcousticSetup;
import dev.strata.forward.acoustic.AcousticVerification;
import dev.strata.forward.acoustic.AcousticWaveOperator;
import dev.strata.forward.acoustic.Acquisition;
import dev.strata.forward.acoustic.CpmlBoundary;
import dev.strata.forward.acoustic.CpmlVerification;
import dev.strata.forward.acoustic.Grid;
import dev.strata.forward.acoustic.Misfit;
import dev.strata.forward.acoustic.RickerSource;
import dev.strata.forward.acoustic.SpongeBoundary;
import dev.strata.forward.acoustic.TimeAxis;
import dev.strata.forward.acoustic.VelocityRange;
import dev.strata.forward.verify.OperatorVerification;
import dev.strata.forward.verify.VerificationResult;
import dev.strata.forward.verify.Verifier;
import dev.strata.kernels.ComputeBackend;
import dev.strata.kernels.ComputeBackends;
import dev.strata.kernels.jvm.JvmBackend;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The acoustic FWI operator (leapfrog, 8th-order stencil; Born JVP; checkpointed adjoint-state VJP) on TornadoVM
 * against the JVM backend, with the sponge and with the CPML, on a 20 x 24 grid (h = 10 m), 120 steps of 1.5 ms,
 * 12 Hz, two shots, two models (batch 2 x 2 shots = 4 propagated pairs), plus the misfit gradient and RTM with the
 * sponge, so that every acoustic kernel runs; and the {@code strata verify} checks of {@code acoustic.fwi} and
 * {@code acoustic.fwi.cpml} on TornadoVM. Strict mode: no silent fallback to Java.
 */
class AcousticOnTornadoTest {

    /**
     * apply / jvp / vjp, float: OpenCL is built with -cl-mad-enable -cl-fast-relaxed-math, so the stencil sums may
     * be contracted into fused multiply-adds and round differently from the JVM's; 120 leapfrog steps (and the
     * adjoint sweep over recomputed fields) carry those rounding differences along; the Born data and the gradient
     * are small differences of large terms and lose a decade more. Measured max relative difference
     * (max |a - b| / max |b|) on PoCL, sponge: apply 4.9e-7, jvp 4.4e-6, vjp 3.6e-6; CPML: apply 4.4e-7, jvp 4.1e-6,
     * vjp 3.1e-6. 1e-4 bounds them with a factor 20 of margin and is far below what a real fault gives (a missing
     * term, an unwritten frame or an array not copied to the device: O(1) or NaN).
     */
    static final double ACOUSTIC_TOLERANCE = 1e-4;

    private static final Grid GRID = new Grid(20, 24, 10.0);

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

    private static AcousticSetup setup(AbsorbingBoundary boundary) {
        return AcousticSetup.of(GRID, new TimeAxis(120, 1.5e-3), RickerSource.withPeak(12.0),
                Acquisition.surfaceLine(GRID, 2, 2, 2, 2), new VelocityRange(1400, 2600)).withBoundary(boundary);
    }

    @Test
    void spongeApplyJvpAndVjpMatchTheJvmBackend() {
        assertOperatorsAgree(SpongeBoundary.DEFAULT);
    }

    @Test
    void cpmlApplyJvpAndVjpMatchTheJvmBackend() {
        assertOperatorsAgree(new CpmlBoundary(10, 1e-3));
    }

    private static void assertOperatorsAgree(AbsorbingBoundary boundary) {
        AcousticWaveOperator dev = new AcousticWaveOperator(setup(boundary), tornado);
        AcousticWaveOperator ref = new AcousticWaveOperator(setup(boundary), jvm);
        int n = 2;
        SplittableRandom random = new SplittableRandom(2718);
        float[] v = models(random, n);
        float[] dv = SeismicOnTornadoTest.gaussian(random, v.length);
        float[] dd = SeismicOnTornadoTest.gaussian(random, n * ref.outputSize());
        double apply = Differences.maxRelative(dev.apply(v, n), ref.apply(v, n));
        double jvp = Differences.maxRelative(dev.jvp(v, dv, n), ref.jvp(v, dv, n));
        double vjp = Differences.maxRelative(dev.vjp(v, dd, n), ref.vjp(v, dd, n));
        // a second gradient on the same device pass, whose checkpoints and ring are neither zeroed nor uploaded: a
        // device that did not keep them between the sweeps would show here (a slot read before it is written in a
        // call, bit for bit: AcousticResidentPlansTest)
        float[] w = models(random, n);
        double again = Differences.maxRelative(dev.vjp(w, dd, n), ref.vjp(w, dd, n));
        assertTrue(apply <= ACOUSTIC_TOLERANCE && jvp <= ACOUSTIC_TOLERANCE && vjp <= ACOUSTIC_TOLERANCE
                        && again <= ACOUSTIC_TOLERANCE, boundary + ": max relative differences apply " + apply
                        + ", jvp " + jvp + ", vjp " + vjp + ", a second vjp " + again);
    }

    /**
     * The other two sweeps of the operator, sponge only: the misfit gradient (a checkpointed forward run that also
     * records data, then the adjoint sweep) against zero data, so that the residual is the modelled data itself and
     * no cancellation magnifies rounding (against the data of the other test model, whose direct wave is the same,
     * the residual is a small difference of traces and was measured to differ 100 times more: misfit 5.5e-5,
     * gradient 2.2e-4); and reverse-time migration of the data of another model (the cross-correlation imaging
     * condition). Measured relative differences: misfit value 5.6e-8, misfit gradient 2.1e-6, RTM image 4.4e-7.
     */
    @Test
    void spongeMisfitGradientAndRtmImageMatchTheJvmBackend() {
        AcousticWaveOperator dev = new AcousticWaveOperator(setup(SpongeBoundary.DEFAULT), tornado);
        AcousticWaveOperator ref = new AcousticWaveOperator(setup(SpongeBoundary.DEFAULT), jvm);
        SplittableRandom random = new SplittableRandom(31);
        float[] v = models(random, 2);
        float[] model = Arrays.copyOf(v, GRID.size());
        float[] zero = new float[ref.outputSize()];
        Misfit a = dev.misfitGradient(model, zero);
        Misfit b = ref.misfitGradient(model, zero);
        double value = Math.abs(a.value() - b.value()) / b.value();
        double gradient = Differences.maxRelative(a.gradient(), b.gradient());
        float[] other = ref.apply(Arrays.copyOfRange(v, GRID.size(), 2 * GRID.size()), 1);
        double rtm = Differences.maxRelative(dev.rtmImage(model, other), ref.rtmImage(model, other));
        assertTrue(value <= ACOUSTIC_TOLERANCE && gradient <= ACOUSTIC_TOLERANCE && rtm <= ACOUSTIC_TOLERANCE,
                "relative differences: misfit " + value + ", gradient " + gradient + ", RTM image " + rtm);
    }

    @Test
    void verificationsPassOnTornadoVm() {
        for (OperatorVerification v : new OperatorVerification[] {new AcousticVerification(),
                new CpmlVerification()}) {
            VerificationResult r = Verifier.run(v, tornado);
            assertTrue(r.ok(), r.toString());
        }
    }

    /** 1800 .. 2100 m/s increasing with depth plus one +-150 m/s Gaussian blob per model. */
    private static float[] models(SplittableRandom random, int n) {
        int nz = GRID.nz();
        int nx = GRID.nx();
        float[] v = new float[n * nz * nx];
        for (int m = 0; m < n; m++) {
            double bz = random.nextDouble(nz);
            double bx = random.nextDouble(nx);
            double amp = random.nextBoolean() ? 150 : -150;
            for (int z = 0; z < nz; z++) {
                for (int x = 0; x < nx; x++) {
                    double r2 = ((z - bz) * (z - bz) + (x - bx) * (x - bx)) / 9.0;
                    v[(m * nz + z) * nx + x] = (float) (1800 + 300.0 * z / nz + amp * Math.exp(-r2));
                }
            }
        }
        return v;
    }
}
