package dev.strata.forward;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Data whitened by their noise: W(x) = A(x) / sigma_d elementwise, so that a Gaussian likelihood
 * N(y; A(x), diag(sigma_d^2)) becomes N(y / sigma_d; W(x), I) and data of different units can be stacked.
 */
public final class WhitenedOutput implements WrappedOperator {
    private final ForwardOperator inner;
    private final float[] inverseSigma;
    /** 1 / sigma at each datum D_k[r] of each block k of the inner operator's pattern; null without one. */
    private final float[][] blockWeights;
    /** |M_k|, the probes of each block k of that pattern; null without one. */
    private final int[] blockProbes;

    /** @param sigma noise standard deviation per datum of one sample, positive and finite (copied) */
    public WhitenedOutput(ForwardOperator inner, double[] sigma) {
        if (sigma.length != inner.outputSize()) {
            throw new IllegalArgumentException("need one noise sigma per datum (" + inner.outputSize() + "), got "
                    + sigma.length);
        }
        this.inner = inner;
        this.inverseSigma = new float[sigma.length];
        for (int j = 0; j < sigma.length; j++) {
            if (!(sigma[j] > 0) || !Double.isFinite(sigma[j])) {
                throw new IllegalArgumentException("noise sigma must be positive and finite, got " + sigma[j]
                        + " at datum " + j);
            }
            inverseSigma[j] = (float) (1 / sigma[j]);
        }
        Optional<JacobianBlocks> pattern = inner.jacobianBlocks();
        this.blockWeights = pattern.map(p -> Arrays.stream(p.dataIndices()).map(rows -> {
            float[] w = new float[rows.length];
            for (int r = 0; r < rows.length; r++) {
                w[r] = inverseSigma[rows[r]];
            }
            return w;
        }).toArray(float[][]::new)).orElse(null);
        this.blockProbes = pattern.map(JacobianBlocks::blockWidths).orElse(null);
    }

    /** y / sigma_d for a batch of data, a new array. */
    public float[] whiten(float[] y) {
        float[] w = y.clone();
        weigh(w);
        return w;
    }

    @Override
    public ForwardOperator inner() {
        return inner;
    }

    @Override
    public float[] apply(float[] x, int n) {
        float[] y = inner.apply(x, n);
        weigh(y);
        return y;
    }

    @Override
    public float[] vjp(float[] x, float[] dy, int n) {
        return linearise(x, n).vjp(dy);
    }

    @Override
    public float[] jvp(float[] x, float[] dx, int n) {
        return linearise(x, n).jvp(dx);
    }

    /** J_W dx = (J dx) / sigma_d, J_W^T dy = J^T (dy / sigma_d), on the inner operator's linearisation. */
    @Override
    public Linearisation linearise(float[] x, int n) {
        Linearisation at = inner.linearise(x, n);
        return Linearisation.of(dx -> {
            float[] y = at.jvp(dx);
            weigh(y);
            return y;
        }, dy -> at.vjp(whiten(dy)));
    }

    /**
     * W(x) and J_W^T g(W(x)) on the inner operator's value and VJP: the inner cotangent is g(A / sigma_d) / sigma_d.
     */
    @Override
    public ValueAndVjp valueAndVjp(float[] x, int n, UnaryOperator<float[]> cotangent) {
        ValueAndVjp at = inner.valueAndVjp(x, n, y -> whiten(cotangent.apply(whiten(y))));
        float[] value = at.value();
        weigh(value);
        return new ValueAndVjp(value, at.vjp());
    }

    private void weigh(float[] y) {
        int m = inverseSigma.length;
        // member by member, loops the JIT vectorises; a wrong length reaches the inner operator, which names it
        for (int from = 0; from < y.length; from += m) {
            for (int j = 0, end = Math.min(m, y.length - from); j < end; j++) {
                y[from + j] *= inverseSigma[j];
            }
        }
    }

    /** The inner operator's pattern: J_W = diag(1 / sigma_d) J_A keeps it. */
    @Override
    public Optional<JacobianBlocks> jacobianBlocks() {
        return inner.jacobianBlocks();
    }

    /** The inner operator's blocks, row r of block k divided by sigma at D_k[r]. */
    @Override
    public BlockJacobian blockJacobian(float[] x, int n) {
        if (blockWeights == null) {
            throw new IllegalStateException("the whitened operator claims no block pattern of its Jacobian");
        }
        BlockJacobian at = inner.blockJacobian(x, n);
        return (b, k, out) -> {
            at.block(b, k, out);
            BlockScales.scaleRows(out, blockProbes[k], blockWeights[k]);
        };
    }
}
