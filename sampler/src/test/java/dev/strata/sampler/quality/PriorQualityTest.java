package dev.strata.sampler.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.forward.geology.FaciesImpedanceModel;
import dev.strata.forward.geology.ModelGenerator;
import dev.strata.forward.geology.SectionGrid;
import dev.strata.sampler.Gaussian;
import dev.strata.sampler.ProgressListener;
import dev.strata.sampler.mixture.GaussianMixtureDenoiser;
import dev.strata.sampler.mixture.TrainingSet;
import dev.strata.sampler.prior.ChannelNormalisation;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The quality report passes a prior that reproduces the generator and fails one that copies or ignores it. */
class PriorQualityTest {
    private static final ModelGenerator GENERATOR = FaciesImpedanceModel.defaults(new SectionGrid(32, 128, 1, 10));
    private static final int TRAINING = 40;
    private static final int HELD_OUT = 20;
    private static final int SAMPLES = 12;

    private record Fixture(float[] training, float[] heldOut, ChannelNormalisation norm, TrainingSet set) {
        static Fixture make() {
            SplittableRandom random = new SplittableRandom(11);
            float[] training = GENERATOR.samples(random, TRAINING);
            float[] heldOut = GENERATOR.samples(random, HELD_OUT);
            int[] shape = {GENERATOR.channels().size(), GENERATOR.grid().nz(), GENERATOR.grid().nx()};
            ChannelNormalisation norm = ChannelNormalisation.of(training, TRAINING, shape);
            return new Fixture(training, heldOut, norm, new TrainingSet(shape, norm.normalise(training), TRAINING));
        }

        PriorQuality measure(float[] samples) {
            return PriorQuality.measure(samples, SAMPLES, heldOut, HELD_OUT, GENERATOR.channels(), GENERATOR.grid(),
                    set, norm);
        }
    }

    @Test
    void theMemorizedPriorSampledByHeunCopiesTrainingModelsAndIsCaughtByTheMemorizationShare() {
        Fixture f = Fixture.make();
        float[] samples = PriorSamples.draw(new GaussianMixtureDenoiser(f.set(), 0, null), f.norm(), SAMPLES, 24, 5,
                ProgressListener.NONE);
        PriorQuality q = f.measure(samples);
        assertTrue(q.memorization() >= 0.9, "memorization " + q.memorization());
        // the copies are models of the generator: their statistics match the held-out ones
        ChannelComparison impedance = q.channels().get(1);
        assertEquals("impedance", impedance.channel());
        assertTrue(Math.abs(impedance.rangeRatioZ() - 1) < 0.5, "range ratio z " + impedance.rangeRatioZ());
        assertTrue(Math.abs(impedance.rangeRatioX() - 1) < 0.5, "range ratio x " + impedance.rangeRatioX());
        assertTrue(Math.abs(q.sandProportion() - q.heldOutSandProportion()) < 0.15,
                q.sandProportion() + " vs " + q.heldOutSandProportion());
    }

    @Test
    void trainingModelsFedVerbatimAreAllMemorized() {
        Fixture f = Fixture.make();
        float[] copies = Arrays.copyOf(f.training(), SAMPLES * f.set().size());
        assertEquals(1.0, f.measure(copies).memorization());
    }

    @Test
    void whiteNoiseWithTheRightMomentsHasRangesFarFromTheHeldOutOnesAndAWrongMarginal() {
        Fixture f = Fixture.make();
        Gaussian g = new Gaussian(9);
        float[] noise = f.norm().physical(g.array(SAMPLES * f.set().size(), 1));
        PriorQuality q = f.measure(noise);
        assertEquals(0.0, q.memorization());
        for (ChannelComparison c : q.channels()) {
            assertTrue(Math.abs(c.meanDifference()) < 0.05 * Math.abs(f.norm().mean()[c.channel().equals("facies")
                    ? 0 : 1]) + 0.05, c.toString());
            assertTrue(!(c.rangeRatioZ() > 0.5), "white noise range ratio z " + c);
        }
        ChannelComparison impedance = q.channels().get(1);
        assertTrue(impedance.rangeRatioX() < 0.5, "white noise range ratio x " + impedance);
        PriorQuality copies = f.measure(Arrays.copyOf(f.training(), SAMPLES * f.set().size()));
        assertTrue(q.channels().get(0).wasserstein() > 3 * copies.channels().get(0).wasserstein(),
                q.channels().get(0) + " vs " + copies.channels().get(0));
    }
}
