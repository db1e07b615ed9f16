package dev.strata.forward.geology;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FaciesImpedanceModelTest {
    private static final int MODELS = 50;
    /** Sand fraction of the batch may miss the target by this much. */
    private static final double PROPORTION_TOLERANCE = 0.05;
    /** Per-facies Ip mean may miss the configured one by this much (m/s * g/cm^3; ~4 Monte-Carlo sigmas). */
    private static final double MEAN_TOLERANCE = 60;
    /** Per-facies Ip std may miss the configured one by this fraction. */
    private static final double STD_TOLERANCE = 0.1;

    static boolean proportionMatches(FieldStatistics s, double target) {
        return Math.abs(s.facies().sandProportion() - target) <= PROPORTION_TOLERANCE;
    }

    static boolean impedanceMatches(FieldStatistics s, FaciesImpedanceModel m) {
        FaciesStatistics f = s.facies();
        return Math.abs(f.shaleMean() - m.shale().mean()) <= MEAN_TOLERANCE
                && Math.abs(f.sandMean() - m.sand().mean()) <= MEAN_TOLERANCE
                && Math.abs(f.shaleStd() / m.shale().std() - 1) <= STD_TOLERANCE
                && Math.abs(f.sandStd() / m.sand().std() - 1) <= STD_TOLERANCE;
    }

    /** Sand bodies are long laterally: the facies range along x is many times the range along z, both > 1 cell. */
    static boolean bodiesAreElongated(FieldStatistics s, SectionGrid grid) {
        ChannelStatistics f = s.channel("facies");
        return f.rangeZ() > 2 * grid.dz() && f.rangeX() > 5 * grid.dx() && f.rangeX() > 20 * f.rangeZ();
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.15, 0.3, 0.5})
    void sandProportionHitsTheTarget(double target) {
        FaciesImpedanceModel model = FaciesImpedanceModel.defaults().withSandProportion(target);
        FieldStatistics s = statistics(model, 1);
        assertTrue(proportionMatches(s, target), "proportion " + s.facies().sandProportion() + " for " + target);
        assertEquals(s.facies().sandProportion(), s.channel("facies").mean(), 1e-12);
    }

    @Test
    void proportionCheckFailsOnAGeneratorAimingElsewhere() {
        FieldStatistics s = statistics(FaciesImpedanceModel.defaults().withSandProportion(0.42), 2);
        assertFalse(proportionMatches(s, 0.3), "proportion " + s.facies().sandProportion());
    }

    @Test
    void impedancePerFaciesHasTheConfiguredMeanAndStd() {
        FaciesImpedanceModel model = FaciesImpedanceModel.defaults();
        FieldStatistics s = statistics(model, 3);
        assertTrue(impedanceMatches(s, model), s.facies().toString());
    }

    @Test
    void impedanceCheckFailsWhenTheFaciesLawsAreSwapped() {
        FaciesImpedanceModel right = FaciesImpedanceModel.defaults();
        FaciesImpedanceModel swapped = new FaciesImpedanceModel(right.grid(), right.sandProportion(),
                right.channelShare(), right.channelThickness(), right.channelWidth(), right.meanderAmplitude(),
                right.meanderWavelength(), right.lensThickness(), right.lensWidth(), right.sand(), right.shale(),
                right.impedanceField());
        assertFalse(impedanceMatches(statistics(swapped, 3), right));
    }

    @Test
    void sandBodiesAreElongatedAndShufflingDestroysThat() {
        FaciesImpedanceModel model = FaciesImpedanceModel.defaults();
        FieldStatistics s = statistics(model, 4);
        assertTrue(bodiesAreElongated(s, model.grid()), s.channel("facies").toString());
        FieldStatistics shuffled = statistics(new Shuffled(model), 4);
        assertFalse(bodiesAreElongated(shuffled, model.grid()), shuffled.channel("facies").toString());
        assertTrue(proportionMatches(shuffled, 0.3), "shuffling keeps the proportion");
    }

    @Test
    void modelsAreBinaryFaciesAndFiniteImpedanceAndSeeded() {
        FaciesImpedanceModel model = FaciesImpedanceModel.defaults();
        float[] a = model.samples(new SplittableRandom(9), 3);
        assertArrayEquals(a, model.samples(new SplittableRandom(9), 3));
        int cells = model.grid().cells();
        for (int b = 0; b < 3; b++) {
            for (int i = 0; i < cells; i++) {
                float f = a[2 * b * cells + i];
                assertTrue(f == 0f || f == FaciesImpedanceModel.SAND, "facies " + f);
                assertTrue(Float.isFinite(a[(2 * b + 1) * cells + i]));
            }
        }
    }

    @Test
    void badSettingsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> FaciesImpedanceModel.defaults().withSandProportion(1));
        assertThrows(IllegalArgumentException.class, () -> FaciesImpedanceModel.defaults().withSandProportion(0));
    }

    private static FieldStatistics statistics(ModelGenerator model, long seed) {
        return model.statistics(model.samples(new SplittableRandom(seed), MODELS), MODELS);
    }
}
