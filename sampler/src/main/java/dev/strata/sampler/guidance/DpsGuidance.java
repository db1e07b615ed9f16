package dev.strata.sampler.guidance;

import dev.strata.forward.ForwardOperator;
import dev.strata.forward.Shapes;
import dev.strata.forward.ValueAndVjp;
import dev.strata.sampler.Denoiser;
import dev.strata.sampler.Guidance;

/**
 * Diffusion posterior sampling (Chung et al., ICLR 2023, Alg. 1): x_next -= zeta_i grad_x ||y - A(D(x; sigma))||,
 * with zeta_i = zeta / ||y - A(x̂0)|| per sample; the gradient flows through the operator's VJP, then the denoiser's.
 * DPS is an approximation (it treats p(y | x_t) as p(y | x̂0) with no noise-level correction) and is known to be
 * biased: its figures against exact posteriors are measured, not assumed.
 */
public final class DpsGuidance implements Guidance {
    private final ForwardOperator operator;
    private final float[] data;
    private final double zeta;
    private final ResidualMonitor monitor;
    private final StepCounter steps = new StepCounter();

    /**
     * @param operator forward operator A
     * @param data     observed y, one data sample of {@code operator.outputSize()} values (not modified, copied)
     * @param zeta     step scale (Chung et al. use 0.1..1 for images)
     */
    public DpsGuidance(ForwardOperator operator, float[] data, double zeta) {
        this(operator, data, zeta, ResidualMonitor.NONE);
    }

    /** As {@link #DpsGuidance(ForwardOperator, float[], double)}, telling {@code monitor} A(x̂0) at each step. */
    public DpsGuidance(ForwardOperator operator, float[] data, double zeta, ResidualMonitor monitor) {
        Shapes.requireBatch("DPS data", data, 1, operator.outputSize());
        if (!(zeta > 0)) {
            throw new IllegalArgumentException("zeta must be > 0, got " + zeta);
        }
        this.operator = operator;
        this.data = data.clone();
        this.zeta = zeta;
        this.monitor = monitor;
    }

    @Override
    public float[] correction(Denoiser denoiser, float[] x, float[] x0hat, double sigma, double sigmaNext, int n) {
        int m = operator.outputSize();
        double[] norm = new double[n];
        // A(x̂0) and J_A^T r with r = y - A(x̂0), from one evaluation where the operator can share it
        ValueAndVjp at = operator.valueAndVjp(x0hat, n, predicted -> {
            monitor.residual(steps.next(sigmaNext), sigma, predicted, n);
            float[] residual = new float[predicted.length];
            for (int b = 0; b < n; b++) {
                double s = 0;
                for (int j = 0; j < m; j++) {
                    float r = data[j] - predicted[b * m + j];
                    residual[b * m + j] = r;
                    s += (double) r * r;
                }
                norm[b] = Math.sqrt(s);
            }
            return residual;
        });
        // grad_x ||r|| = -J_D^T J_A^T r / ||r||; the step moves against it
        float[] g = denoiser.vjp(x, sigma, at.vjp(), n);
        int size = denoiser.size();
        for (int b = 0; b < n; b++) {
            double scale = norm[b] > 0 ? zeta / norm[b] : 0;
            for (int k = 0; k < size; k++) {
                g[b * size + k] = (float) (scale * g[b * size + k]);
            }
        }
        return g;
    }
}
