package dev.strata.forward.acoustic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.kernels.jvm.JvmBackend;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Border artefacts on surface-like data: source and three receivers 20 m below the top border of a 40 x 80 model
 * (h = 10 m, 2000 m/s, 10 Hz, 700 steps of 1 ms), offsets 200, 400, 600 m. Artefact = max_t |d_small - d_large| /
 * max_t |d_large|, d_large from the same run with a 70-point margin (nothing returns in time).
 */
class RecommendedBoundaryTest {

    private final JvmBackend backend = JvmBackend.withDefaults();

    @AfterEach
    void closeBackend() {
        backend.close();
    }

    /** Measured: recommended 7e-5, 1.9e-4, 7.6e-4; sponge default 0.12, 0.29, 0.44 (which fails the limit). */
    @Test
    void recommendedBoundaryKeepsArtefactsBelowOnePermilleWhereTheSpongeFails() {
        double[] recommended = artefacts(AbsorbingBoundary.RECOMMENDED);
        double[] sponge = artefacts(SpongeBoundary.DEFAULT);
        assertTrue(Arrays.stream(recommended).max().orElseThrow() < 1e-3, Arrays.toString(recommended));
        assertTrue(Arrays.stream(sponge).max().orElseThrow() > 1e-3, "the check must fail for the sponge: "
                + Arrays.toString(sponge));
    }

    @Test
    void widthCoversOneWavelengthAndFreeSurfaceIsKept() {
        assertEquals(new CpmlBoundary(30, 1e-4), CpmlBoundary.forWavelength(4500, 6, 25));
        assertEquals(CpmlBoundary.RECOMMENDED, CpmlBoundary.forWavelength(2000, 15, 10));
        AcousticSetup s = SmallProblems.setup(100).withBoundary(SpongeBoundary.DEFAULT.withFreeSurface())
                .withRecommendedBoundary();
        assertEquals(new FreeSurface(CpmlBoundary.RECOMMENDED), s.boundary());
    }

    private double[] artefacts(AbsorbingBoundary b) {
        int margin = 70;
        float[] small = traces(b, 40, 80, 0);
        float[] large = traces(b, 40 + 2 * margin, 80 + 2 * margin, margin);
        int nrec = 3;
        double[] out = new double[nrec];
        for (int r = 0; r < nrec; r++) {
            double peak = 0;
            double err = 0;
            for (int t = r; t < small.length; t += nrec) {
                peak = Math.max(peak, Math.abs(large[t]));
                err = Math.max(err, Math.abs(small[t] - large[t]));
            }
            out[r] = err / peak;
        }
        return out;
    }

    private float[] traces(AbsorbingBoundary boundary, int nz, int nx, int o) {
        Grid grid = new Grid(nz, nx, 10.0);
        AcousticSetup setup = new AcousticSetup(grid, new TimeAxis(700, 1e-3), RickerSource.withPeak(10.0),
                Acquisition.fixedSpread(List.of(new GridPoint(o + 2, o + 10)), SmallProblems.line(o + 2, o + 30,
                        o + 50, o + 70)), new VelocityRange(2000, 2000), boundary, DispersionRule.DEFAULT);
        return new AcousticWaveOperator(setup, backend).apply(SmallProblems.constant(grid, 2000), 1);
    }
}
