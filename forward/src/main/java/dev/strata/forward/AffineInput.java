package dev.strata.forward;

/**
 * An operator seen through an affine change of model units: B(x) = A(offset + scale x). Diffusion models work in
 * normalised units (mean ~ 0, std ~ 1); physics works in physical ones (impedance, velocity). J_B = scale J_A.
 */
public final class AffineInput implements ForwardOperator {
    private final ForwardOperator inner;
    private final float offset;
    private final float scale;

    public AffineInput(ForwardOperator inner, double offset, double scale) {
        if (!(scale != 0 && Double.isFinite(scale) && Double.isFinite(offset))) {
            throw new IllegalArgumentException("scale must be finite and non-zero, offset finite; got " + scale + ", " + offset);
        }
        this.inner = inner;
        this.offset = (float) offset;
        this.scale = (float) scale;
    }

    /** Physical model offset + scale x, a new array. */
    public float[] toPhysical(float[] x) {
        float[] p = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            p[i] = offset + scale * x[i];
        }
        return p;
    }

    /** Normalised model (p - offset) / scale, a new array. */
    public float[] toNormalised(float[] p) {
        float[] x = new float[p.length];
        for (int i = 0; i < p.length; i++) {
            x[i] = (p[i] - offset) / scale;
        }
        return x;
    }

    @Override
    public int[] inputShape() {
        return inner.inputShape();
    }

    @Override
    public int[] outputShape() {
        return inner.outputShape();
    }

    @Override
    public float[] apply(float[] x, int n) {
        return inner.apply(toPhysical(x), n);
    }

    @Override
    public float[] vjp(float[] x, float[] dy, int n) {
        float[] g = inner.vjp(toPhysical(x), dy, n);
        for (int i = 0; i < g.length; i++) {
            g[i] *= scale;
        }
        return g;
    }

    @Override
    public float[] jvp(float[] x, float[] dx, int n) {
        float[] sdx = new float[dx.length];
        for (int i = 0; i < dx.length; i++) {
            sdx[i] = scale * dx[i];
        }
        return inner.jvp(toPhysical(x), sdx, n);
    }
}
