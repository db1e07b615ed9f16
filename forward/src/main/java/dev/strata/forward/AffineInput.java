package dev.strata.forward;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * An operator seen through an elementwise affine change of model units: B(x) = A(offset + scale ⊙ x), so
 * J_B = J_A diag(scale). Diffusion models work in normalised units (mean ~ 0, std ~ 1); physics works in physical ones
 * (impedance, velocity). Offset and scale are given per model element (a background trend, per-channel scales) or
 * as one number each.
 */
public final class AffineInput implements WrappedOperator {
    private final ForwardOperator inner;
    private final float[] offset;
    private final float[] scale;

    /** One offset and one scale for every model element. */
    public AffineInput(ForwardOperator inner, double offset, double scale) {
        this(inner, filled(inner.inputSize(), offset), filled(inner.inputSize(), scale));
    }

    /**
     * @param offset physical value at x = 0, one per model element (copied)
     * @param scale  physical change per unit of x, one per model element, finite and non-zero (copied)
     */
    public AffineInput(ForwardOperator inner, float[] offset, float[] scale) {
        int size = inner.inputSize();
        if (offset.length != size || scale.length != size) {
            throw new IllegalArgumentException("affine input needs " + size + " offsets and scales, got "
                    + offset.length + " and " + scale.length);
        }
        for (int i = 0; i < size; i++) {
            if (!(scale[i] != 0 && Float.isFinite(scale[i]) && Float.isFinite(offset[i]))) {
                throw new IllegalArgumentException("scale must be finite and non-zero, offset finite; got " + scale[i]
                        + ", " + offset[i] + " at model element " + i);
            }
        }
        this.inner = inner;
        this.offset = offset.clone();
        this.scale = scale.clone();
    }

    private static float[] filled(int n, double v) {
        float[] a = new float[n];
        Arrays.fill(a, (float) v);
        return a;
    }

    /** The operator in physical units. */
    @Override
    public ForwardOperator inner() {
        return inner;
    }

    /** Physical models offset + scale ⊙ x for a batch, a new array. */
    public float[] toPhysical(float[] x) {
        int size = offset.length;
        float[] p = new float[x.length];
        // member by member, loops the JIT vectorises; a wrong length reaches the inner operator, which names it
        for (int from = 0; from < x.length; from += size) {
            for (int i = 0, end = Math.min(size, x.length - from); i < end; i++) {
                p[from + i] = offset[i] + scale[i] * x[from + i];
            }
        }
        return p;
    }

    /** Normalised models (p - offset) / scale for a batch, a new array. */
    public float[] toNormalised(float[] p) {
        int size = offset.length;
        float[] x = new float[p.length];
        for (int from = 0; from < p.length; from += size) {
            for (int i = 0, end = Math.min(size, p.length - from); i < end; i++) {
                x[from + i] = (p[from + i] - offset[i]) / scale[i];
            }
        }
        return x;
    }

    @Override
    public float[] apply(float[] x, int n) {
        return inner.apply(toPhysical(x), n);
    }

    @Override
    public float[] vjp(float[] x, float[] dy, int n) {
        return linearise(x, n).vjp(dy);
    }

    @Override
    public float[] jvp(float[] x, float[] dx, int n) {
        return linearise(x, n).jvp(dx);
    }

    /** J_B dx = J_A(offset + scale x) (scale dx), J_B^T dy = scale J_A^T dy: the physical model made once. */
    @Override
    public Linearisation linearise(float[] x, int n) {
        Linearisation at = inner.linearise(toPhysical(x), n);
        return Linearisation.of(dx -> {
            float[] sdx = dx.clone();
            scaleInPlace(sdx);
            return at.jvp(sdx);
        }, dy -> {
            float[] g = at.vjp(dy);
            scaleInPlace(g);
            return g;
        });
    }

    /** A_B(x) and scale J_A^T g on the inner operator's value and VJP at the physical model. */
    @Override
    public ValueAndVjp valueAndVjp(float[] x, int n, UnaryOperator<float[]> cotangent) {
        ValueAndVjp at = inner.valueAndVjp(toPhysical(x), n, cotangent);
        float[] g = at.vjp();
        scaleInPlace(g);
        return new ValueAndVjp(at.value(), g);
    }

    private void scaleInPlace(float[] v) {
        int size = scale.length;
        for (int from = 0; from < v.length; from += size) {
            for (int i = 0, end = Math.min(size, v.length - from); i < end; i++) {
                v[from + i] *= scale[i];
            }
        }
    }

    /** The inner operator's pattern: J_B = J_A diag(scale) keeps it. */
    @Override
    public Optional<JacobianBlocks> jacobianBlocks() {
        return inner.jacobianBlocks();
    }

    /** The inner operator's blocks at offset + scale ⊙ x, probe q of block k times scale at M_k[q]. */
    @Override
    public BlockJacobian blockJacobian(float[] x, int n) {
        return BlockScales.scaledProbes(inner, toPhysical(x), n, "the operator in physical units", (b, j) -> scale[j]);
    }
}
