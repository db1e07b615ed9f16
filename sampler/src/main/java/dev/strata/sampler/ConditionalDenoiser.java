package dev.strata.sampler;

/**
 * A classifier-free-guidance denoiser D(x; sigma, y) ~ E[x0 | x_sigma = x, y]: one network (or oracle) that also
 * answers the unconditional question when the condition is {@code null} (the "null token" of CFG training).
 * Arrays as in {@link Denoiser}; the condition is one flat array shared by the whole batch, or {@code null}.
 */
public interface ConditionalDenoiser {

    /** Shape of one sample. */
    int[] shape();

    default int size() {
        return dev.strata.forward.Shapes.size(shape());
    }

    /** D(x; sigma, y) for a batch of {@code n}; {@code condition == null} asks for the unconditional D(x; sigma). */
    float[] denoise(float[] x, double sigma, float[] condition, int n);

    /** (dD(x; sigma, y)/dx)^T v for a batch of {@code n}. */
    float[] vjp(float[] x, double sigma, float[] condition, float[] v, int n);
}
