package dev.strata.forward.verify;

import dev.strata.forward.ForwardOperator;
import dev.strata.kernels.ComputeBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.SplittableRandom;

/** Runs every {@link OperatorVerification} found on the class path. */
public final class Verifier {
    private static final int BATCH = 2;
    private static final int HALVINGS = 4;

    private Verifier() {
    }

    public static List<OperatorVerification> all() {
        List<OperatorVerification> list = new ArrayList<>();
        ServiceLoader.load(OperatorVerification.class).forEach(list::add);
        list.sort((a, b) -> a.name().compareTo(b.name()));
        return list;
    }

    /** Runs one verification with a fixed seed. */
    public static VerificationResult run(OperatorVerification v, ComputeBackend backend) {
        long t0 = System.nanoTime();
        SplittableRandom random = new SplittableRandom(15809);
        ForwardOperator op = v.operator(backend);
        float[] x = v.models(op, random, BATCH);
        float[] dx = gaussian(random, x.length);
        float[] dy = gaussian(random, BATCH * op.outputSize());
        double dot = DerivativeChecks.dotProductError(op, x, dx, dy, BATCH);
        double h0 = v.taylorRelativeStep() * DerivativeChecks.norm(x) / DerivativeChecks.norm(dx);
        DerivativeChecks.Taylor t = DerivativeChecks.taylor(op, x, dx, BATCH, h0, HALVINGS);
        List<OperatorVerification.PhysicsCheck> physics = v.physicsChecks(backend);
        return new VerificationResult(v.name(), backend.name() + ":" + backend.device().index(), dot,
                t.linear() ? Double.NaN : t.minOrder(), t.passes(), physics, (System.nanoTime() - t0) / 1e9);
    }

    private static float[] gaussian(SplittableRandom random, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }
}
