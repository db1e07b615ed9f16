package dev.strata.tornado;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.forward.ForwardOperator;
import dev.strata.forward.darcy.DarcyFlow;
import dev.strata.forward.darcy.DarcyProblem;
import dev.strata.forward.darcy.DarcyVerification;
import dev.strata.forward.darcy.GaussianRandomField;
import dev.strata.forward.darcy.Preconditioner;
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
 * The Darcy operator (assembly, multigrid-preconditioned CG in double, tangent and adjoint solves, observation) on
 * TornadoVM against the JVM backend, on the 12 x 16 problem of {@code strata verify}, two Gaussian random log K
 * fields (std 1). Strict mode: a kernel TornadoVM cannot compile fails instead of running as Java.
 */
class DarcyOnTornadoTest {

    /**
     * Multigrid-PCG heads, double: both backends take the same 7 iterations to rtol 1e-10; OpenCL (built with
     * -cl-mad-enable -cl-fast-relaxed-math) may contract multiply-adds and round exp differently, so the iterates
     * differ by rounding only. Measured max relative difference (max |a - b| / max |b|) 1.8e-15.
     */
    static final double MULTIGRID_HEAD_TOLERANCE = 1e-12;
    /**
     * Unpreconditioned CG heads: over 100-odd iterations the rounding differences change the iterates, so the two
     * backends may stop an iteration apart, each within rtol 1e-10. Measured 2.4e-11 (104 / 112 iterations on
     * TornadoVM against 104 / 113 on the JVM).
     */
    static final double PLAIN_CG_HEAD_TOLERANCE = 1e-9;
    /** Operator outputs are the double results rounded to float: measured equal (difference 0) for apply, jvp, vjp. */
    static final double OUTPUT_TOLERANCE = 1e-6;

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

    private static float[] models(int n) {
        DarcyProblem p = DarcyVerification.problem();
        return GaussianRandomField.of(p.grid(), 1.0, 40.0).samples(new SplittableRandom(2512), n);
    }

    @Test
    void multigridHeadsMatchTheJvmBackendInTheSameIterations() {
        float[] m = models(2);
        DarcyProblem p = DarcyVerification.problem();
        DarcyFlow.Heads onDevice = new DarcyFlow(p, tornado).heads(m, 2);
        DarcyFlow.Heads onJvm = new DarcyFlow(p, jvm).heads(m, 2);
        double err = Differences.maxRelative(onDevice.heads(), onJvm.heads());
        assertTrue(err <= MULTIGRID_HEAD_TOLERANCE, "heads differ by " + err);
        assertArrayEquals(onJvm.iterations(), onDevice.iterations(), "PCG iterations");
    }

    @Test
    void unpreconditionedHeadsMatchTheJvmBackendWithinTheSolverTolerance() {
        float[] m = models(2);
        DarcyProblem mg = DarcyVerification.problem();
        DarcyProblem p = mg.withSolver(mg.solver().withPreconditioner(Preconditioner.NONE));
        DarcyFlow.Heads onDevice = new DarcyFlow(p, tornado).heads(m, 2);
        DarcyFlow.Heads onJvm = new DarcyFlow(p, jvm).heads(m, 2);
        double err = Differences.maxRelative(onDevice.heads(), onJvm.heads());
        assertTrue(err <= PLAIN_CG_HEAD_TOLERANCE, "heads differ by " + err);
        for (int b = 0; b < 2; b++) {
            assertTrue(Math.abs(onDevice.iterations()[b] - onJvm.iterations()[b]) <= 2, "CG iterations of model " + b
                    + ": " + onDevice.iterations()[b] + " on TornadoVM, " + onJvm.iterations()[b] + " on the JVM");
        }
    }

    @Test
    void applyJvpAndVjpMatchTheJvmBackend() {
        DarcyVerification v = new DarcyVerification();
        ForwardOperator dev = v.operator(tornado);
        ForwardOperator ref = v.operator(jvm);
        float[] m = models(2);
        SplittableRandom random = new SplittableRandom(7);
        float[] dm = new float[m.length];
        for (int i = 0; i < dm.length; i++) {
            dm[i] = (float) random.nextGaussian();
        }
        float[] dy = new float[2 * ref.outputSize()];
        for (int i = 0; i < dy.length; i++) {
            dy[i] = (float) random.nextGaussian();
        }
        double apply = Differences.maxRelative(dev.apply(m, 2), ref.apply(m, 2));
        double jvp = Differences.maxRelative(dev.jvp(m, dm, 2), ref.jvp(m, dm, 2));
        double vjp = Differences.maxRelative(dev.vjp(m, dy, 2), ref.vjp(m, dy, 2));
        assertTrue(apply <= OUTPUT_TOLERANCE && jvp <= OUTPUT_TOLERANCE && vjp <= OUTPUT_TOLERANCE,
                "max relative differences apply " + apply + ", jvp " + jvp + ", vjp " + vjp);
    }

    @Test
    void verificationPassesOnTornadoVm() {
        VerificationResult r = Verifier.run(new DarcyVerification(), tornado);
        assertTrue(r.ok(), r.toString());
    }
}
