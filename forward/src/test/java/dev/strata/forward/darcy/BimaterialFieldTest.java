package dev.strata.forward.darcy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BimaterialFieldTest {

    private static final DarcyGrid GRID = new DarcyGrid(40, 50, 5.0);
    private static final float UPPER = 1.5f;
    private static final float LOWER = -2.0f;
    private final BimaterialField field = new BimaterialField(GRID, UPPER, LOWER, 0.5, 0.2, 6);

    @Test
    void theSameSeedGivesTheSameFieldAndAnotherSeedAnother() {
        float[] a = field.sample(new SplittableRandom(4));
        assertArrayEquals(a, field.sample(new SplittableRandom(4)));
        assertFalse(Arrays.equals(a, field.sample(new SplittableRandom(5))));
    }

    /** Each column is upper material down to the interface, lower below, and the interface stays in its band. */
    @Test
    void eachColumnHoldsTheUpperMaterialAboveTheInterfaceAndTheLowerBelow() {
        SplittableRandom random = new SplittableRandom(17);
        for (int draw = 0; draw < 20; draw++) {
            float[] m = field.samples(random, 1);
            for (int x = 0; x < GRID.nx(); x++) {
                int upperCells = 0;
                for (int z = 0; z < GRID.nz(); z++) {
                    float v = m[z * GRID.nx() + x];
                    assertTrue(v == UPPER || v == LOWER, "only two values, got " + v);
                    if (v == UPPER) {
                        assertEquals(z, upperCells, "upper material is contiguous from the top, column " + x);
                        upperCells++;
                    }
                }
                assertTrue(Math.abs(upperCells - 0.5 * GRID.nz()) <= 0.2 * GRID.nz() + 1,
                        "interface depth " + upperCells + " outside 0.5 +- 0.2 of nz");
            }
        }
    }

    /** The interface is smooth: neighbouring columns differ by a small fraction of the depth. */
    @Test
    void theInterfaceIsSmooth() {
        double[] d = field.interfaceDepth(new SplittableRandom(3));
        double maxSlope = 0;
        for (int x = 1; x < d.length; x++) {
            maxSlope = Math.max(maxSlope, Math.abs(d[x] - d[x - 1]));
        }
        // amplitude 0.2 nz = 8 rows, slope bounded by pi sum_j |a_j| / sum_j (1/j) * 8 / nx per column
        assertTrue(maxSlope < 8 * Math.PI * 6 / 2.45 / GRID.nx(), "largest step " + maxSlope + " rows per column");
    }
}
