package dev.strata.kernels.sampling;

import static dev.strata.kernels.KernelArgs.count;
import static dev.strata.kernels.KernelArgs.floats;
import static dev.strata.kernels.KernelArgs.minLength;

import dev.strata.kernels.IndexRange;
import dev.strata.kernels.Kernel;

/**
 * A kernel over {@code arrays} float arrays of one length (the first sets it) followed by one coefficient array of at
 * least {@code coefficients} values; it runs once per element, a 1-D range over the first array.
 */
abstract class ElementwiseKernel implements Kernel {
    private final String name;
    private final int arrays;
    private final int coefficients;

    ElementwiseKernel(String name, int arrays, int coefficients) {
        this.name = name;
        this.arrays = arrays;
        this.coefficients = coefficients;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void check(Object[] a) {
        count(name, a, arrays + 1);
        int n = floats(name, a, 0).length;
        for (int i = 1; i < arrays; i++) {
            minLength(name, "argument " + i, floats(name, a, i).length, n);
        }
        minLength(name, "coef", floats(name, a, arrays).length, coefficients);
    }

    @Override
    public IndexRange range(Object[] a) {
        return IndexRange.of1d(0, ((float[]) a[0]).length);
    }
}
