package dev.strata.sampler.guidance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.forward.AffineInput;
import dev.strata.forward.ForwardOperator;
import dev.strata.forward.JointOperator;
import dev.strata.forward.seismic.ConvolutionalSeismic;
import dev.strata.forward.seismic.HardDataOperator;
import dev.strata.forward.seismic.RickerWavelet;
import dev.strata.forward.seismic.SeismicConvention;
import dev.strata.sampler.linalg.UpperGram;
import java.util.SplittableRandom;
import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Test;

/**
 * S^-1 r by blocks ({@link BlockInnovationSolver}) equals the dense solve of S = J diag(c) J^T + C_d with J built
 * column by column from JVPs, on seismic (SAME_ROWS) and wells logging both channels at three columns, in normalised
 * units, 2 x 20 x 12 models.
 */
class BlockInnovationSolverTest {
    private static final int NZ = 20;
    private static final int NX = 12;
    private static final int SIZE = 2 * NZ * NX;

    private static ForwardOperator operator() {
        ConvolutionalSeismic seismic = new ConvolutionalSeismic(2, NZ, NX, ConvolutionalSeismic.IMPEDANCE_CHANNEL,
                RickerWavelet.symmetricSamples(25, 0.008, 12), SeismicConvention.SAME_ROWS);
        HardDataOperator wells = HardDataOperator.wells(2, NZ, NX, 2, 7, 11);
        float[] offset = new float[SIZE];
        float[] scale = new float[SIZE];
        for (int i = 0; i < SIZE; i++) {
            offset[i] = i < SIZE / 2 ? 0.5f : 6000;
            scale[i] = i < SIZE / 2 ? 0.5f : 800;
        }
        return new AffineInput(JointOperator.of(seismic, wells), offset, scale);
    }

    /** x̂0 and diag(C) of n samples, diag(C_d) and the residuals r, drawn in this order. */
    private record Draw(float[] x0hat, float[] c, double[] cd, double[] r) {
        static Draw of(long seed, int n, int m) {
            SplittableRandom random = new SplittableRandom(seed);
            float[] x0hat = new float[n * SIZE];
            float[] c = new float[n * SIZE];
            for (int i = 0; i < x0hat.length; i++) {
                x0hat[i] = (float) (0.5 * random.nextGaussian());
                c[i] = (float) (0.05 + random.nextDouble());
            }
            double[] cd = new double[m];
            double[] r = new double[n * m];
            for (int i = 0; i < m; i++) {
                cd[i] = 1e-3 + 1e-2 * random.nextDouble();
            }
            for (int i = 0; i < r.length; i++) {
                r[i] = random.nextGaussian();
            }
            return new Draw(x0hat, c, cd, r);
        }
    }

    /** A diagonal C: c_j v_j, c_j > 0 drawn per model value and sample. */
    private static PosteriorCovariance diagonal(float[] c) {
        return new PosteriorCovariance() {
            @Override
            public float[] apply(float[] x, float[] x0hat, double sigma, float[] v, int n) {
                float[] out = new float[v.length];
                for (int i = 0; i < v.length; i++) {
                    out[i] = c[i] * v[i];
                }
                return out;
            }

            @Override
            public boolean diagonal() {
                return true;
            }
        };
    }

    /** w = S^-1 r of sample b from S built densely: column j of J is the JVP of the unit vector e_j. */
    private static double[] denseSolve(ForwardOperator op, float[] x0hat, int b, float[] c, double[] cd, double[] r) {
        int m = op.outputSize();
        float[] at = new float[SIZE * SIZE];
        float[] units = new float[SIZE * SIZE];
        for (int j = 0; j < SIZE; j++) {
            System.arraycopy(x0hat, b * SIZE, at, j * SIZE, SIZE);
            units[j * SIZE + j] = 1;
        }
        float[] columns = op.jvp(at, units, SIZE);
        SimpleMatrix s = new SimpleMatrix(m, m);
        for (int i = 0; i < m; i++) {
            for (int k = 0; k < m; k++) {
                double sum = i == k ? cd[i] : 0;
                for (int j = 0; j < SIZE; j++) {
                    sum += (double) columns[j * m + i] * c[b * SIZE + j] * columns[j * m + k];
                }
                s.set(i, k, sum);
            }
        }
        SimpleMatrix rhs = new SimpleMatrix(m, 1);
        for (int i = 0; i < m; i++) {
            rhs.set(i, 0, r[b * m + i]);
        }
        SimpleMatrix w = s.solve(rhs);
        double[] out = new double[m];
        for (int i = 0; i < m; i++) {
            out[i] = w.get(i, 0);
        }
        return out;
    }

    @Test
    void blockSolveMatchesTheDenseSolveOfTheInnovationCovariance() {
        ForwardOperator op = operator();
        int m = op.outputSize();
        int n = 2;
        Draw d = Draw.of(17, n, m);
        InnovationCovariance innovation = new InnovationCovariance(op, new float[m], d.cd(), diagonal(d.c()), 1e-6,
                10);
        assertTrue(innovation.solvesByBlocks());
        double[] w = innovation.solve(d.x0hat(), d.x0hat(), 1.0, d.r(), n);
        for (int b = 0; b < n; b++) {
            double[] dense = denseSolve(op, d.x0hat(), b, d.c(), d.cd(), d.r());
            double num = 0;
            double den = 0;
            for (int i = 0; i < m; i++) {
                num += (w[b * m + i] - dense[i]) * (w[b * m + i] - dense[i]);
                den += dense[i] * dense[i];
            }
            double error = Math.sqrt(num / den);
            assertTrue(error < 1e-5, "sample " + b + ": block solve differs from the dense solve by " + error);
        }
        assertFalse(innovation.tally().truncated() > 0);
    }

    @Test
    void solvingASampleACallGivesWhatOneCallGives() {
        ForwardOperator op = operator();
        Draw d = Draw.of(23, 3, op.outputSize());
        long oneSample = (long) op.jacobianBlocks().orElseThrow().widest() * SIZE;
        double[] together = BlockInnovationSolver.of(op, d.cd()).orElseThrow().solve(d.x0hat(), d.c(), d.r(), 3);
        double[] apart = BlockInnovationSolver.of(op, d.cd(), oneSample).orElseThrow().solve(d.x0hat(), d.c(), d.r(),
                3);
        assertArrayEquals(together, apart);
    }

    @Test
    void aCovarianceThatIsNotDiagonalIsSolvedByConjugateGradients() {
        ForwardOperator op = operator();
        PosteriorCovariance dense = (x, x0hat, sigma, v, n) -> v.clone();
        assertFalse(new InnovationCovariance(op, new float[op.outputSize()],
                InnovationCovariance.uniformVariance(op.outputSize(), 0.1), dense, 1e-6, 10).solvesByBlocks());
    }

    @Test
    void aWorkspaceGrowsForMoreColumnsOfFewerRows() {
        BlockInnovationSolver.Workspace ws = new BlockInnovationSolver.Workspace().fit(80, 160, UpperGram.stride(160));
        ws.fit(100, 40, UpperGram.stride(40)); // fewer doubles in all than the block before, but more columns
        assertTrue(ws.lo.length >= 100 && ws.hi.length >= 100, "room for " + ws.lo.length + " columns' rows");
        assertTrue(ws.block.length >= 100 * 40);
        assertTrue(ws.columns.length >= 100 * UpperGram.stride(40));
        assertTrue(ws.gram.length >= UpperGram.stride(40) * UpperGram.stride(40));
    }
}
