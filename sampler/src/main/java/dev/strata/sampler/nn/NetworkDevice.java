package dev.strata.sampler.nn;

import ai.djl.Device;

/**
 * Where the prior network runs: the CPU, or GPU {@code index} through DJL's PyTorch engine with CUDA natives. Parsed
 * from {@code cpu}, {@code gpu} or {@code gpu:N}.
 *
 * @param gpu   whether a GPU is asked for
 * @param index the GPU's index (0 for the CPU)
 */
public record NetworkDevice(boolean gpu, int index) {
    /** The CPU. */
    public static final NetworkDevice CPU = new NetworkDevice(false, 0);

    /** How a user with a GPU node gets DJL's CUDA natives (DJL's standard mechanism). */
    public static final String CUDA_HINT = "this build carries DJL's CPU natives only (pytorch-native-cpu); on a GPU"
            + " node put ai.djl.pytorch:pytorch-native-cu<version>:linux-x86_64 of PyTorch 2.7.1 on the class path (see"
            + " the README), or use --device cpu";

    public NetworkDevice {
        if (index < 0 || (!gpu && index != 0)) {
            throw new IllegalArgumentException("bad network device " + (gpu ? "gpu:" : "cpu:") + index);
        }
    }

    /** {@code cpu}, {@code gpu} or {@code gpu:N}; anything else is refused with the forms it takes. */
    public static NetworkDevice parse(String spec) {
        if (spec.equals("cpu")) {
            return CPU;
        }
        if (spec.equals("gpu")) {
            return new NetworkDevice(true, 0);
        }
        if (spec.startsWith("gpu:")) {
            try {
                int i = Integer.parseInt(spec.substring(4));
                if (i >= 0) {
                    return new NetworkDevice(true, i);
                }
            } catch (NumberFormatException e) {
                // refused below
            }
        }
        throw new IllegalArgumentException("device '" + spec + "': write cpu, gpu or gpu:N (N = 0, 1, ...)");
    }

    /**
     * The DJL device, after checking that the PyTorch engine has it: a GPU that the engine cannot see (no CUDA
     * natives, no driver, or fewer GPUs) is refused with one line saying what to do.
     */
    public Device toDjl() {
        if (!gpu) {
            return Device.cpu();
        }
        int count = TorchEngine.get().getGpuCount();
        if (count == 0) {
            throw new IllegalStateException("--device " + this + ": DJL's PyTorch engine sees no GPU: " + CUDA_HINT);
        }
        if (index >= count) {
            throw new IllegalStateException("--device " + this + ": DJL's PyTorch engine sees " + count
                    + " GPU(s), indices 0.." + (count - 1));
        }
        return Device.gpu(index);
    }

    @Override
    public String toString() {
        return gpu ? "gpu:" + index : "cpu";
    }
}
