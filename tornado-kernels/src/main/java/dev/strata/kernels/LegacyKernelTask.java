package dev.strata.kernels;

import java.util.Arrays;
import java.util.List;

/** A {@link Kernel} with positional arguments seen as a {@link KernelTask}; goes when every kernel is declared. */
public record LegacyKernelTask(Kernel legacy, Object[] args) implements KernelTask {

    @Override
    public String kernel() {
        return legacy.name();
    }

    @Override
    public IndexRange range() {
        return legacy.range(args);
    }

    @Override
    public void runRows(int rowStart, int rowEnd) {
        legacy.runRows(args, rowStart, rowEnd);
    }

    @Override
    public boolean vectorized() {
        return legacy instanceof VectorizedKernel;
    }

    @Override
    public void runRowsVectorized(int rowStart, int rowEnd) {
        if (legacy instanceof VectorizedKernel v) {
            v.runRowsVectorized(args, rowStart, rowEnd);
        } else {
            legacy.runRows(args, rowStart, rowEnd);
        }
    }

    @Override
    public List<Object> arrays() {
        return Arrays.stream(args).filter(a -> a instanceof float[] || a instanceof int[] || a instanceof double[])
                .toList();
    }

    @Override
    public List<Object> written() {
        return arrays();
    }
}
