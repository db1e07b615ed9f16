package dev.strata.sampler.nn;

import ai.djl.ndarray.NDArray;

/**
 * libtorch's single-pass silu and group_norm kernels, which DJL 0.35.1's PyTorch engine does not bind, reached through
 * {@link TorchScriptModule}s: silu(x) = x sigmoid(x) (Elfwing et al. 2018) in one pass instead of sigmoid and a
 * product, and silu(GN(x) a + c) (Wu and He 2018) in two instead of layer_norm, an affine batch_norm, sigmoid and
 * product. The network's inference routes (every guided reverse step: the denoiser and its input VJP) run them;
 * training keeps the array ops the shipped weights were trained with ({@link GroupNorm}, {@link Ops#silu}).
 *
 * <p>The two modules are compiled once per process, on first use, into a manager of their own that lives as long as
 * the process (a few kilobytes; they hold no parameters and no state, and libtorch runs a module's methods from any
 * thread).
 */
final class FusedKernels {
    private FusedKernels() {
    }

    /** The compiled modules, made when first asked for (the class-holder idiom: once, thread-safe). */
    private static final class Modules {
        private static final ai.djl.ndarray.NDManager MANAGER = TorchEngine.get().newBaseManager();
        static final TorchScriptModule SILU = new TorchScriptModule(MANAGER, "Silu", "x: Tensor) -> Tensor",
                "    return torch.silu(x)\n");
        /**
         * silu(group_norm over c.size(0) groups of x viewed as [1, n C, h, w], weight a, bias c, eps 1e-5): the
         * groups of all samples as one sample's, so that weight and bias may differ per sample and channel.
         */
        static final TorchScriptModule GROUP_NORM_SILU = new TorchScriptModule(MANAGER, "GroupNormSilu",
                "x: Tensor, a: Tensor, c: Tensor) -> Tensor",
                "    s = torch.size(x)\n"
                        + "    y = torch.group_norm(torch.reshape(x, [1, torch.mul(s[0], s[1]), s[2], s[3]]),"
                        + " torch.size(c, 0), torch.reshape(a, [-1]), torch.reshape(c, [-1]), 1.0000000000000001e-05)\n"
                        + "    return torch.silu(torch.reshape(y, s))\n");
    }

    /** silu(x), a new array in x's manager. */
    static NDArray silu(NDArray x) {
        return Modules.SILU.forward(x);
    }

    /**
     * silu(a (x - mean_g) / sqrt(var_g + 1e-5) + c) for {@code x} {@code [n, C, h, w]}, with mean and biased variance
     * over each group g of C / G channels of one sample, and a per sample and channel: {@code a} {@code [n C]},
     * {@code c} {@code [n G, C / G]} (the script reads the group count n G from c's shape: DJL passes arrays to a
     * module's forward, and an integer argument would take its no-gradient path). A new array in x's manager.
     */
    static NDArray groupNormSilu(NDArray x, NDArray a, NDArray c) {
        return Modules.GROUP_NORM_SILU.forward(x, a, c);
    }
}
