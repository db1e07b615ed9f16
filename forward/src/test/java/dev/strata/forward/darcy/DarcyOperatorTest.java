package dev.strata.forward.darcy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.forward.ForwardOperator;
import dev.strata.forward.ForwardOperatorContract;
import dev.strata.kernels.ComputeBackend;
import dev.strata.kernels.jvm.JvmBackend;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * DarcyOperator on 16 x 20 cells: fixed heads on top (1 m) and right (0 m), no flow on the left and bottom, an
 * injection well, five observation cells; models are Gaussian random log K (std 1, correlation 4 cells).
 */
class DarcyOperatorTest extends ForwardOperatorContract {

    private static final int NZ = 16;
    private static final int NX = 20;
    private static final DarcyGrid GRID = new DarcyGrid(NZ, NX, 10.0);
    private static final ComputeBackend BACKEND = JvmBackend.withDefaults();
    static final DarcyProblem PROBLEM = new DarcyProblem(GRID,
            new Boundaries(BoundaryCondition.dirichlet(1.0), BoundaryCondition.noFlow(), BoundaryCondition.noFlow(),
                    BoundaryCondition.dirichlet(0.0)),
            List.of(new Well(new Cell(11, 5), 0.5)),
            List.of(new Cell(2, 3), new Cell(8, 10), new Cell(12, 15), new Cell(15, 0), new Cell(5, 18)),
            SolverSettings.defaults());

    @AfterAll
    static void closeBackend() {
        BACKEND.close();
    }

    @Override
    protected ForwardOperator operator() {
        return new DarcyOperator(PROBLEM, BACKEND);
    }

    /** See {@link DarcyVerification#taylorRelativeStep()}. */
    @Override
    protected double taylorRelativeStep() {
        return 0.1;
    }

    @Override
    protected float[] randomModels(SplittableRandom random, int n) {
        return GaussianRandomField.of(GRID, 1.0, 40.0).samples(random, n);
    }

    @Test
    void mapsLogConductivityOnTheGridToHeadsAtTheObservationCells() {
        ForwardOperator op = operator();
        assertArrayEquals(new int[] {NZ, NX}, op.inputShape());
        assertArrayEquals(new int[] {5}, op.outputShape());
    }

    @Test
    void observedHeadsAreTheSolvedHeadsAtTheObservationCells() {
        float[] m = randomModels(rng, 2);
        DarcyFlow.Heads heads = new DarcyFlow(PROBLEM, BACKEND).heads(m, 2);
        float[] y = operator().apply(m, 2);
        int[] cells = PROBLEM.observationIndices();
        for (int b = 0; b < 2; b++) {
            for (int k = 0; k < cells.length; k++) {
                assertEquals((float) heads.heads()[b * NZ * NX + cells[k]], y[b * cells.length + k]);
            }
        }
    }

    @Test
    void gradientMatchesCentralDifferencesOfTheHeadsInDouble() {
        // d y_k / d m_c for a few cells by central differences of the double heads vs the adjoint gradient
        DarcyFlow flow = new DarcyFlow(PROBLEM, BACKEND);
        ForwardOperator op = operator();
        float[] m = randomModels(rng, 1);
        float[] dy = new float[5];
        dy[1] = 1;
        float[] g = op.vjp(m, dy, 1);
        int obs = PROBLEM.observationIndices()[1];
        for (int c : new int[] {0, 8 * NX + 10, 8 * NX + 11, 11 * NX + 5, NZ * NX - 1}) {
            float step = 1e-2f;
            float[] plus = m.clone();
            float[] minus = m.clone();
            plus[c] += step;
            minus[c] -= step;
            double fd = (flow.heads(plus, 1).heads()[obs] - flow.heads(minus, 1).heads()[obs])
                    / ((double) plus[c] - minus[c]);
            assertEquals(fd, g[c], 1e-4 * Math.abs(fd) + 1e-7, "cell " + c);
        }
    }

    @Test
    void rejectsNonFiniteLogConductivityNamingTheCell() {
        ForwardOperator op = operator();
        float[] m = randomModels(rng, 2);
        m[NZ * NX + 3 * NX + 7] = Float.NaN;
        assertRejected(() -> op.apply(m, 2), "batch 1, z 3, x 7");
        assertRejected(() -> op.vjp(m, new float[10], 2), "batch 1, z 3, x 7");
        assertRejected(() -> op.jvp(m, new float[m.length], 2), "batch 1, z 3, x 7");
    }

    @Test
    void gradientIsZeroWhenNothingIsObserved() {
        float[] m = randomModels(rng, 1);
        float[] g = operator().vjp(m, new float[5], 1);
        for (float v : g) {
            assertEquals(0.0f, v);
        }
        assertTrue(g.length == NZ * NX);
    }
}
