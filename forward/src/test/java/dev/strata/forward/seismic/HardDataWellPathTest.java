package dev.strata.forward.seismic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.forward.ForwardOperator;
import dev.strata.forward.ForwardOperatorContract;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link HardDataOperator#alongWells} on a 2 x 24 x 16 grid of 10 m x 12.5 m cells: a deviated well logged every
 * 5 m (two stations per cell row) crossing a vertical one at cell (16, 8).
 */
class HardDataWellPathTest extends ForwardOperatorContract {
    private static final int CHANNELS = 2;
    private static final WellGrid GRID = new WellGrid(24, 16, 10, 12.5);

    /** z = 0, 5, .., 230 m; x = 20 + z / 2 m, so x = 100 m (cell 8) at z = 160 m (cell 16). */
    static WellPath deviated() {
        int points = 47;
        double[] z = new double[points];
        double[] x = new double[points];
        for (int p = 0; p < points; p++) {
            z[p] = 5.0 * p;
            x[p] = 20 + 0.5 * z[p];
        }
        return new WellPath("D-1", z, x);
    }

    static WellPath vertical() {
        return WellPath.vertical("V-1", 100, 150, 160, 170);
    }

    @Override
    protected ForwardOperator operator() {
        return HardDataOperator.alongWells(GRID, CHANNELS, new int[] {1, 0}, List.of(deviated(), vertical()));
    }

    @Override
    protected float[] randomModels(SplittableRandom random, int n) {
        return gaussian(random, n * CHANNELS * GRID.nz() * GRID.nx());
    }

    @Test
    void deviatedPathObservesEachCellOncePerWellInPathOrder() {
        WellPath well = deviated();
        HardDataOperator op = HardDataOperator.alongWells(GRID, CHANNELS, new int[] {0}, List.of(well));
        Set<Integer> cells = new HashSet<>();
        int previous = -1;
        for (WellObservation o : op.wellObservations()) {
            int p = o.point();
            assertTrue(cells.add(o.z() * GRID.nx() + o.x()), "cell once: " + o);
            assertTrue(p > previous, "path order: " + o);
            assertEquals(Math.round(well.z(p) / 10), o.z(), "nearest depth cell: " + o);
            assertEquals(Math.round(well.x(p) / 12.5), o.x(), "nearest x cell: " + o);
            previous = p;
        }
        for (int p = 0; p < well.points(); p++) {
            assertTrue(cells.contains(GRID.cellOf(well, p)), "station " + p + " observed");
        }
        assertEquals(28, cells.size(), "47 stations every 5 m: 24 rows, 4 of them crossing into a second x cell");
    }

    @Test
    void dataIndicesNameTheirWellPointAndChannel() {
        HardDataOperator op = (HardDataOperator) operator();
        int[] idx = op.observedIndices();
        List<WellObservation> labels = op.wellObservations();
        assertEquals(idx.length, labels.size());
        assertEquals(2 * 28 + 2 * 3, idx.length, "D-1: 28 cells x 2 channels, V-1: 3 cells x 2 channels");
        float[] x = randomModels(rng, 1);
        float[] y = op.apply(x, 1);
        for (int j = 0; j < idx.length; j++) {
            WellObservation o = labels.get(j);
            assertEquals((o.channel() * GRID.nz() + o.z()) * GRID.nx() + o.x(), idx[j], "datum " + j);
            assertEquals(x[idx[j]], y[j], "datum " + j);
        }
        assertEquals(new WellObservation("D-1", 0, 1, 0, 2), labels.get(0), "well, then channel as listed");
        assertEquals(new WellObservation("D-1", 0, 0, 0, 2), labels.get(28));
        assertEquals(new WellObservation("V-1", 1, 0, 16, 8), labels.get(60));
    }

    @Test
    void crossingWellsObserveTheSharedCellTwiceAndTheAdjointAddsBoth() {
        HardDataOperator op = (HardDataOperator) operator();
        int shared = (16 * GRID.nx()) + 8;
        int[] idx = op.observedIndices();
        float[] y = new float[idx.length];
        int hits = 0;
        for (int j = 0; j < idx.length; j++) {
            if (idx[j] == shared) {
                y[j] = 1 + hits++;
            }
        }
        assertEquals(2, hits, "facies at (16, 8): once by D-1, once by V-1");
        float[] back = op.adjoint(y, 1);
        assertEquals(3.0f, back[shared]);
        float[] ones = new float[back.length];
        ones[shared] = 3.0f;
        assertArrayEquals(ones, back);
    }

    @Test
    void rejectsAPointOutsideTheGridNamingTheWellThePointAndTheExtent() {
        WellPath tooDeep = WellPath.vertical("V-9", 50, 100, 236);
        assertRejected(() -> HardDataOperator.alongWells(GRID, CHANNELS, new int[] {0}, List.of(tooDeep)),
                "well V-9 point 1 at depth 236.0 m, x 50.0 m lies outside the grid of 24 x 16 cells: depth must be in"
                        + " [-5.0, 235.0) m and x in [-6.25, 193.75) m");
        WellPath west = new WellPath("W", new double[] {0}, new double[] {-6.3});
        assertRejected(() -> HardDataOperator.alongWells(GRID, CHANNELS, new int[] {0}, List.of(west)),
                "well W point 0");
        assertRejected(() -> HardDataOperator.alongWells(GRID, CHANNELS, new int[] {2}, List.of(vertical())),
                "observed channel 2 outside [0, 2)");
        assertRejected(() -> HardDataOperator.alongWells(GRID, CHANNELS, new int[] {0, 0}, List.of(vertical())),
                "listed twice");
        assertRejected(() -> HardDataOperator.alongWells(GRID, CHANNELS, new int[] {0}, List.of()),
                "at least one well");
        assertRejected(() -> new WellPath("X", new double[] {1, 2}, new double[] {1}), "well X");
    }
}
