package dev.strata.sampler.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * libtorch's single-pass silu and group_norm kernels, which DJL 0.35.1's PyTorch engine does not bind, reached through
 * {@link TorchScriptModule}s: silu(x) = x sigmoid(x) (Elfwing et al. 2018) in one pass instead of sigmoid and a
 * product, and silu of group normalisation (Wu and He 2018), modulated or not, in two passes (three when modulated
 * and channels last) instead of layer_norm, an affine batch_norm, sigmoid and product (and, modulated, the five small
 * ops that fold the modulation into its weights). The network's inference routes (every guided reverse step: the
 * denoiser and its input VJP) run them; training keeps the array ops the shipped weights were trained with
 * ({@link GroupNorm}, {@link Ops#silu}).
 *
 * <p>The four modules are compiled once per process, on first use, into a manager of their own that lives as long as
 * the process (a few kilobytes; they hold no parameters and no state, and libtorch runs a module's methods from any
 * thread).
 */
final class FusedKernels {
    private FusedKernels() {
    }

    /** The compiled modules, made when first asked for (the class-holder idiom: once, thread-safe). */
    private static final class Modules {
        private static final NDManager MANAGER = TorchEngine.get().newBaseManager();
        static final TorchScriptModule SILU = new TorchScriptModule(MANAGER, "Silu", "x: Tensor) -> Tensor",
                "    return torch.silu(x)\n");
        /** silu(group_norm(x, G, gamma, beta, 1e-5)), G = gamma.size(0) (gamma as [G, C / G]). */
        static final TorchScriptModule SILU_OF_NORM = new TorchScriptModule(MANAGER, "SiluOfGroupNorm",
                "x: Tensor, gamma: Tensor, beta: Tensor) -> Tensor",
                "    y = torch.group_norm(x, torch.size(gamma, 0), torch.reshape(gamma, [-1]), beta, " + EPS + ")\n"
                        + "    return torch.silu(y)\n");
        /**
         * silu(group_norm(x, G, a, c, 1e-5)) with a = gamma (1 + scale), c = beta (1 + scale) + shift per sample and
         * channel. Row-major x: viewed as one sample of n C channels in n G groups, so that weight and bias may differ
         * per sample (one pass); channels-last x, which that view would copy: group_norm without weights, then
         * a y + c in one addcmul (two passes, and the layout kept).
         */
        static final TorchScriptModule SILU_OF_MODULATED = new TorchScriptModule(MANAGER, "SiluOfModulatedGroupNorm",
                "x: Tensor, gamma: Tensor, beta: Tensor, scale: Tensor, shift: Tensor) -> Tensor",
                "    if x.is_contiguous(memory_format=2):\n"
                        + "        k = torch.add(scale, 1)\n"
                        + "        a = torch.mul(torch.reshape(gamma, [1, -1, 1, 1]), k)\n"
                        + "        c = torch.add(torch.mul(torch.reshape(beta, [1, -1, 1, 1]), k), shift)\n"
                        + "        y = torch.group_norm(x, torch.size(gamma, 0), None, None, " + EPS + ")\n"
                        + "        return torch.silu(torch.addcmul(c, y, a))\n"
                        + "    s = torch.size(x)\n"
                        + "    k = torch.add(torch.reshape(scale, [-1]), 1)\n"
                        + "    a = torch.mul(torch.reshape(gamma, [-1]).repeat([s[0]]), k)\n"
                        + "    c = torch.add(torch.mul(beta.repeat([s[0]]), k), torch.reshape(shift, [-1]))\n"
                        + "    y = torch.group_norm(torch.reshape(x, [1, s[0] * s[1], s[2], s[3]]),"
                        + " s[0] * torch.size(gamma, 0), a, c, " + EPS + ")\n"
                        + "    return torch.silu(torch.reshape(y, s))\n");
        /** x in the channels-last layout (memory format 2: [n][h][w][C] in memory, the same [n, C, h, w] shape). */
        static final TorchScriptModule CHANNELS_LAST = new TorchScriptModule(MANAGER, "ChannelsLast",
                "x: Tensor) -> Tensor", "    return x.contiguous(memory_format=2)\n");
    }

    /** The group normalisation's eps, as TorchScript reads it. */
    private static final String EPS = "1.0000000000000001e-05";

    /**
     * x with its values laid out channels last ([n][h][w][C]; shape and values unchanged), in which libtorch 2.7.1's
     * forward convolutions run faster than in the row-major layout; the ops that follow keep the layout, and DJL's
     * copies to Java arrays read any layout.
     */
    static NDArray channelsLast(NDArray x) {
        return Modules.CHANNELS_LAST.forward(x);
    }

    /** silu(x), a new array in x's manager. */
    static NDArray silu(NDArray x) {
        return Modules.SILU.forward(x);
    }

    /**
     * silu(gamma_c (x - mean_g) / sqrt(var_g + 1e-5) + beta_c) for {@code x} {@code [n, C, h, w]}, with mean and
     * biased variance over each group g of C / G channels of one sample; {@code gamma} as {@code [G, C / G]} (the
     * script reads the group count from its shape: DJL passes arrays to a module's forward, and an integer argument
     * would take its no-gradient path), {@code beta} {@code [C]}. A new array in x's manager.
     */
    static NDArray siluOfGroupNorm(NDArray x, NDArray gamma, NDArray beta) {
        return Modules.SILU_OF_NORM.forward(x, gamma, beta);
    }

    /**
     * silu(norm(x) (1 + scale) + shift), norm as {@link #siluOfGroupNorm}'s with its gamma and beta, {@code scale}
     * and {@code shift} {@code [n, C, 1, 1]}. A new array in x's manager.
     */
    static NDArray siluOfModulatedGroupNorm(NDArray x, NDArray gamma, NDArray beta, NDArray scale, NDArray shift) {
        return Modules.SILU_OF_MODULATED.forward(x, gamma, beta, scale, shift);
    }
}
