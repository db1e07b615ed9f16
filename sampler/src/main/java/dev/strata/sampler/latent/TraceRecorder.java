package dev.strata.sampler.latent;

import java.util.ArrayList;
import java.util.List;

/** Collects, per evaluation of an objective, the data term of every sample and its field's error to a truth. */
final class TraceRecorder {
    private final float[] truth;
    private final List<double[]> misfit = new ArrayList<>();
    private final List<double[]> error = new ArrayList<>();
    private float[] last;

    /** @param truth the true field {@code [nz][nx]} every sample is compared with, or null */
    TraceRecorder(float[] truth) {
        this.truth = truth == null ? null : truth.clone();
    }

    void record(float[] fields, int n, double[] dataTerm) {
        misfit.add(dataTerm.clone());
        double[] e = new double[n];
        int cells = fields.length / n;
        for (int b = 0; b < n; b++) {
            e[b] = truth == null ? Double.NaN : InversionTrace.relativeError(fields, b * cells, truth);
        }
        error.add(e);
        last = fields.clone();
    }

    InversionTrace trace(float[] unknowns) {
        return new InversionTrace(misfit.toArray(double[][]::new), error.toArray(double[][]::new), last, unknowns);
    }
}
