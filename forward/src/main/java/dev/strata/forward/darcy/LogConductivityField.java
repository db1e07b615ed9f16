package dev.strata.forward.darcy;

import dev.strata.forward.Shapes;
import java.util.SplittableRandom;

/**
 * A seeded family of log-conductivity fields m = ln K on a {@link DarcyGrid} (seed 002, arXiv 2512.22421): the same
 * {@link SplittableRandom} state gives the same field.
 */
public interface LogConductivityField {

    /** Where the fields live. */
    DarcyGrid grid();

    /** One field, {@code [nz][nx]}; advances {@code random}. */
    float[] sample(SplittableRandom random);

    /** {@code n} independent fields, {@code [n][nz][nx]}, drawn one after another; advances {@code random}. */
    default float[] samples(SplittableRandom random, int n) {
        int cells = grid().cells();
        float[] out = new float[Shapes.size(n, cells)];
        for (int b = 0; b < n; b++) {
            System.arraycopy(sample(random), 0, out, b * cells, cells);
        }
        return out;
    }
}
