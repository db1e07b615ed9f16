package dev.strata.sampler;

/**
 * Where a sampler's per-point update arithmetic runs: on the JVM ({@link #jvm()}, {@link StepArithmetic}) or on a
 * compute backend ({@link BackendSteps}). Both run the same per-point bodies. Arguments are not modified; results
 * are new arrays; {@code dx} may be {@code null}.
 */
public interface StepRunner extends AutoCloseable {

    /** x + h (x - x̂0) + dx. */
    float[] extrapolate(float[] x, float[] x0hat, double h, float[] dx);

    /** x + h1 (x - x̂0) + h2 (x' - x̂0') + dx. */
    float[] heun(float[] x, float[] x0hat, double h1, float[] xPred, float[] x0hatPred, double h2, float[] dx);

    @Override
    void close();

    /** The JVM: {@link StepArithmetic}, parallel over blocks of points. */
    static StepRunner jvm() {
        return new StepRunner() {
            @Override
            public float[] extrapolate(float[] x, float[] x0hat, double h, float[] dx) {
                return StepArithmetic.extrapolate(x, x0hat, h, dx);
            }

            @Override
            public float[] heun(float[] x, float[] x0hat, double h1, float[] xPred, float[] x0hatPred, double h2,
                    float[] dx) {
                return StepArithmetic.heun(x, x0hat, h1, xPred, x0hatPred, h2, dx);
            }

            @Override
            public void close() {
            }
        };
    }
}
