package dev.strata.forward;

import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * An operator that sees its model clipped to a box: B(m) = A(clip(m, lo, hi)), J_B = J_A D with D = diag(1 inside
 * the box, 0 outside), the derivative of the clip almost everywhere. Keeps an operator that is only defined (or only
 * checked for stability) on a range of models, such as a wave simulation on a velocity range, usable when a sampler
 * wanders outside it: values outside the box have no effect on the data and receive no gradient.
 */
public final class ClippedInput implements WrappedOperator {
    private final ForwardOperator inner;
    private final float lo;
    private final float hi;

    /** @param lo lowest value passed on; @param hi highest value passed on, {@code lo < hi} */
    public ClippedInput(ForwardOperator inner, double lo, double hi) {
        if (!(lo < hi) || !Double.isFinite(lo) || !Double.isFinite(hi)) {
            throw new IllegalArgumentException("clip box needs finite lo < hi, got [" + lo + ", " + hi + "]");
        }
        this.inner = inner;
        this.lo = floatAtLeast(lo);
        this.hi = floatAtMost(hi);
    }

    /** The smallest float >= {@code v}: a clip to it stays inside a box checked in double. */
    public static float floatAtLeast(double v) {
        float f = (float) v;
        return f < v ? Math.nextUp(f) : f;
    }

    /** The largest float <= {@code v}. */
    public static float floatAtMost(double v) {
        float f = (float) v;
        return f > v ? Math.nextDown(f) : f;
    }

    @Override
    public ForwardOperator inner() {
        return inner;
    }

    @Override
    public float[] apply(float[] x, int n) {
        return inner.apply(clip(x), n);
    }

    @Override
    public float[] vjp(float[] x, float[] dy, int n) {
        return linearise(x, n).vjp(dy);
    }

    @Override
    public float[] jvp(float[] x, float[] dx, int n) {
        return linearise(x, n).jvp(dx);
    }

    /** J_B dx = J_A(clip(x)) D dx and J_B^T dy = D J_A^T dy, the clip made once. */
    @Override
    public Linearisation linearise(float[] x, int n) {
        float[] at = x.clone();
        Linearisation clipped = inner.linearise(clip(at), n);
        return Linearisation.of(dx -> {
            float[] d = dx.clone();
            mask(at, d);
            return clipped.jvp(d);
        }, dy -> {
            float[] g = clipped.vjp(dy);
            mask(at, g);
            return g;
        });
    }

    /** A(clip(x)) and D J_A^T g on the inner operator's value and VJP at the clipped model. */
    @Override
    public ValueAndVjp valueAndVjp(float[] x, int n, UnaryOperator<float[]> cotangent) {
        float[] at = x.clone();
        ValueAndVjp clipped = inner.valueAndVjp(clip(at), n, cotangent);
        float[] g = clipped.vjp();
        mask(at, g);
        return new ValueAndVjp(clipped.value(), g);
    }

    private float[] clip(float[] x) {
        float[] c = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            c[i] = Math.min(hi, Math.max(lo, x[i]));
        }
        return c;
    }

    /** Zeroes v where x lies outside the box (the clip's derivative); v and x need not have equal length. */
    private void mask(float[] x, float[] v) {
        int m = Math.min(x.length, v.length);
        for (int i = 0; i < m; i++) {
            if (!inside(x[i])) {
                v[i] = 0;
            }
        }
    }

    /** The inner operator's pattern: J_B = J_A D, D diagonal, keeps it. */
    @Override
    public Optional<JacobianBlocks> jacobianBlocks() {
        return inner.jacobianBlocks();
    }

    /** The inner operator's blocks at clip(x), zero in the probes of model values outside the box. */
    @Override
    public BlockJacobian blockJacobian(float[] x, int n) {
        int size = inputSize();
        float[] kept = x.clone();
        return BlockScales.scaledProbes(inner, clip(x), n, "the clipped operator",
                (b, j) -> inside(kept[b * size + j]) ? 1 : 0);
    }

    private boolean inside(float v) {
        return !(v < lo || v > hi);
    }
}
