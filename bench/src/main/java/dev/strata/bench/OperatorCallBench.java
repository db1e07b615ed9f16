package dev.strata.bench;

import dev.strata.forward.ForwardOperator;
import dev.strata.forward.verify.OperatorVerification;
import dev.strata.kernels.ComputeBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * First call against later calls of every operator of {@code strata verify} (seismic, hard data, acoustic sponge and
 * CPML, Darcy) on one backend: the first apply and the first vjp include building (on a device backend, compiling)
 * their graphs; later calls reuse them, so their mean is the operator's steady cost. Both are wall times on the
 * verification grids, for a batch of models.
 */
public final class OperatorCallBench {

    /**
     * One operator call, timed.
     *
     * @param operator     the verification's name, e.g. {@code seismic.convolutional}
     * @param call         {@code apply} or {@code vjp}
     * @param firstSeconds the first call (graph building or compilation included)
     * @param laterSeconds mean of the later calls
     * @param laterCalls   how many later calls were timed
     */
    public record Row(String operator, String call, double firstSeconds, double laterSeconds, int laterCalls) {
    }

    private OperatorCallBench() {
    }

    /** Times {@code apply} then {@code vjp} of every operator: the first call, then {@code calls} more. */
    public static List<Row> run(ComputeBackend backend, int batch, int calls) {
        List<Row> rows = new ArrayList<>();
        for (OperatorVerification v : ServiceLoader.load(OperatorVerification.class)) {
            ForwardOperator op = v.operator(backend);
            SplittableRandom random = new SplittableRandom(1);
            float[] x = v.models(op, random, batch);
            float[] dy = new float[batch * op.outputSize()];
            for (int i = 0; i < dy.length; i++) {
                dy[i] = (float) random.nextGaussian();
            }
            rows.add(time(v.name(), "apply", calls, () -> op.apply(x, batch)));
            rows.add(time(v.name(), "vjp", calls, () -> op.vjp(x, dy, batch)));
        }
        return rows;
    }

    private static Row time(String name, String call, int calls, Supplier<float[]> body) {
        long t0 = System.nanoTime();
        body.get();
        double first = (System.nanoTime() - t0) / 1e9;
        long t1 = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            body.get();
        }
        double later = (System.nanoTime() - t1) / 1e9 / Math.max(1, calls);
        return new Row(name, call, first, later, calls);
    }
}
