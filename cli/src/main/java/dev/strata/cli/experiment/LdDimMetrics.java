package dev.strata.cli.experiment;

import dev.strata.forward.darcy.DarcyOperator;
import dev.strata.sampler.latent.InversionTrace;

/**
 * What {@code strata experiment ld-dim} measures of each restart's final field m against the truth m*:
 * <ul>
 *   <li>{@code logk_error} ||m - m*|| / ||m*|| and {@code k_error} ||e^m - e^m*|| / ||e^m*|| (conductivity);</li>
 *   <li>{@code head_error} ||h(m) - h(m*)|| / ||h(m*)|| over every cell (the PDE solution);</li>
 *   <li>{@code residual}: the RMS of the whitened head residual, sqrt(2 (-ln p(y | m)) / k^2), 1 at the noise;</li>
 *   <li>{@code sharpness} (bimaterial only): per column, the largest jump |m(z+1) - m(z)| within two cells of the
 *       true interface, over |upper - lower|, averaged over columns: 1 for a step as sharp as the truth's.</li>
 * </ul>
 *
 * @param method    the method's name
 * @param trace     the inversion's course
 * @param logkError per restart
 * @param kError    per restart
 * @param headError per restart
 * @param residual  per restart
 * @param sharpness per restart (NaN for a GRF)
 * @param seconds   wall-clock seconds of the method's run (all restarts)
 */
record LdDimMetrics(String method, InversionTrace trace, double[] logkError, double[] kError, double[] headError,
                    double[] residual, double[] sharpness, double seconds) {

    static LdDimMetrics of(String method, InversionTrace trace, float[] truth, DarcyOperator allHeads, int observed,
                           boolean bimaterial, int nx, double seconds) {
        int n = trace.samples();
        int cells = truth.length;
        float[] trueHeads = allHeads.apply(truth, 1);
        float[] heads = allHeads.apply(trace.fields(), n);
        double[] misfit = trace.misfit()[trace.evaluations() - 1];
        double[] logk = new double[n];
        double[] k = new double[n];
        double[] h = new double[n];
        double[] r = new double[n];
        double[] sharp = new double[n];
        float[] expTruth = exp(truth, 0, cells);
        for (int b = 0; b < n; b++) {
            logk[b] = InversionTrace.relativeError(trace.fields(), b * cells, truth);
            k[b] = InversionTrace.relativeError(exp(trace.fields(), b * cells, cells), 0, expTruth);
            h[b] = InversionTrace.relativeError(heads, b * cells, trueHeads);
            r[b] = Math.sqrt(2 * misfit[b] / observed);
            sharp[b] = bimaterial ? sharpness(trace.fields(), b * cells, truth, nx) : Double.NaN;
        }
        return new LdDimMetrics(method, trace, logk, k, h, r, sharp, seconds);
    }

    /** Mean over restarts of {@code v}. */
    static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    /** Standard deviation over restarts of {@code v} (n - 1 in the denominator). */
    static double std(double[] v) {
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / Math.max(1, v.length - 1));
    }

    /** Mean over columns of the largest vertical jump within two cells of the truth's interface, over the contrast. */
    static double sharpness(float[] m, int from, float[] truth, int nx) {
        int nz = truth.length / nx;
        double contrast = Math.abs(LdDimSurvey.UPPER - LdDimSurvey.LOWER);
        double sum = 0;
        for (int ix = 0; ix < nx; ix++) {
            int at = 0;
            while (at + 1 < nz && truth[(at + 1) * nx + ix] == truth[ix]) {
                at++;
            }
            double jump = 0;
            for (int iz = Math.max(0, at - 2); iz <= Math.min(nz - 2, at + 2); iz++) {
                jump = Math.max(jump, Math.abs(m[from + (iz + 1) * nx + ix] - m[from + iz * nx + ix]));
            }
            sum += jump / contrast;
        }
        return sum / nx;
    }

    private static float[] exp(float[] a, int from, int length) {
        float[] e = new float[length];
        for (int i = 0; i < length; i++) {
            e[i] = (float) Math.exp(a[from + i]);
        }
        return e;
    }
}
