package dev.strata.sampler.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;

/**
 * Array ops that are safe under autograd in DJL 0.35.1's PyTorch engine.
 *
 * <p>Why: {@code NDArray.mul(Number)} (and add, sub, div with a Number) wraps the number in a scalar tensor over a
 * Java direct buffer and closes it at once; when autograd saved that scalar for the backward pass (as multiplication
 * does), the backward pass reads freed memory and the gradients come out as garbage, non-deterministically (seen as
 * gradients of 1e9..1e37 and NaN weights after a few training steps). {@code Activation.swish} multiplies by its beta
 * that way. The scalars here are allocated by PyTorch itself ({@code torch::full}), so the graph keeps them alive.
 *
 * <p>Likewise {@code NDManager.create(float[])} makes a tensor over Java-owned memory (alive only while its NDArray
 * is open, and aligned however the JVM allocated it); {@link #tensor} copies the data into PyTorch-owned memory, so
 * that lifetime and alignment (hence the kernels' rounding) do not depend on the JVM.
 */
final class Ops {
    /** {@code interpolation}'s mode for nearest-neighbour in DJL 0.35.1's PyTorch engine. */
    private static final int NEAREST = 0;

    private Ops() {
    }

    /** A 0-d float tensor of {@code value} in native (PyTorch-owned) memory, attached to {@code manager}. */
    static NDArray scalar(NDManager manager, double value) {
        return manager.full(new Shape(), (float) value);
    }

    /** A new float array of {@code shape} holding {@code data}, in PyTorch-owned memory, attached to {@code manager}. */
    static NDArray tensor(NDManager manager, float[] data, Shape shape) {
        try (NDArray javaBacked = manager.create(data, shape)) {
            return javaBacked.duplicate();
        }
    }

    /** Moves the data of {@code array} into PyTorch-owned memory, keeping the same NDArray object (for parameters). */
    static void ownNatively(NDArray array) {
        array.intern(array.duplicate());
    }

    /** silu(x) = x sigmoid(x) (Elfwing et al. 2018), without a Number operand. Returns a new array. */
    static NDArray silu(NDArray x) {
        return x.mul(Activation.sigmoid(x));
    }

    /**
     * silu(x): inference ({@code training} false) runs libtorch's one-pass silu ({@link FusedKernels#silu}); training
     * keeps the product above, which the shipped weights were trained with. Returns a new array.
     */
    static NDArray silu(NDArray x, boolean training) {
        return training ? silu(x) : FusedKernels.silu(x);
    }

    /**
     * repeat2(u)[.., i, j] = u[.., i / 2, j / 2] for {@code [n, c, h, w]}: nearest-neighbour upsampling by 2. Inference
     * ({@code training} false) runs libtorch's upsample_nearest2d, one kernel each way; training keeps the two repeats
     * the shipped weights were trained with (same values, the backward's sums rounded in another order).
     */
    static NDArray repeat2(NDArray u, boolean training) {
        if (training) {
            return u.repeat(2, 2).repeat(3, 2);
        }
        Shape s = u.getShape();
        return u.getNDArrayInternal().interpolation(new long[] {2 * s.get(2), 2 * s.get(3)}, NEAREST, false);
    }
}
