package dev.strata.cli.invert;

import dev.strata.forward.ClippedInput;
import dev.strata.forward.acoustic.AcousticWaveOperator;
import dev.strata.forward.acoustic.GaussianSmoothing;
import dev.strata.forward.acoustic.Grid;
import dev.strata.forward.acoustic.VelocityRange;
import dev.strata.io.Observations;
import dev.strata.io.Observations.ModelGrid;
import dev.strata.io.TrainingSetFile;
import dev.strata.kernels.ComputeBackend;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * The conditioning statistic of seed 003 (Erdinc et al. 2025, power-scaled posteriors from one CFG network): the
 * reverse-time migration image c = RTM(v_s, y - F(v_s)) / rms of the shot data y in the smooth background
 * v_s = G_sigma * v_b (v_b the 1-D starting model of the survey, sigma = {@value #SMOOTHING_CELLS} cells), the direct
 * arrival removed by subtracting the data modelled in v_s, scaled to unit RMS so that it does not carry the source
 * strength. Training pairs ({@code strata train --condition rtm}) and the observed data of an inversion go through the
 * same code, so the network sees at inference the statistic it was trained on.
 */
public final class RtmCondition {
    /** Standard deviation of the background's Gaussian smoothing, in cells. */
    public static final double SMOOTHING_CELLS = 3;

    private RtmCondition() {
    }

    /** The condition of the data in {@code problem} (an fwi problem), on the run's backend. */
    public static float[] of(PhysicalProblem problem, ComputeBackend backend) {
        return of(problem.observations(), backend);
    }

    /** The condition of the shot gathers in {@code observed}, migrated in its smoothed background. */
    static float[] of(Observations observed, ComputeBackend backend) {
        ModelGrid g = observed.grid();
        float[] smooth = new GaussianSmoothing(SMOOTHING_CELLS * g.dx()).apply(new Grid(g.nz(), g.nx(), g.dx()),
                observed.background());
        return of(observed, smooth, backend);
    }

    /** The condition of the shot gathers in {@code observed} migrated in {@code background} {@code [nz][nx]}. */
    static float[] of(Observations observed, float[] background, ComputeBackend backend) {
        AcousticWaveOperator wave = FwiProblemBuilder.wave(observed,
                FwiProblemBuilder.velocityRange(observed.background()), backend);
        float[] data = observed.shots().data();
        float[] modelled = wave.apply(background, 1);
        float[] reflections = new float[data.length];
        for (int i = 0; i < data.length; i++) {
            reflections[i] = data[i] - modelled[i];
        }
        return unitRms(wave.rtmImage(background, reflections));
    }

    /**
     * The conditions {@code [N][nz][nx]} of the velocity models of an fwi training set: for model k, its shot gathers
     * by the default survey of {@code strata invert --true} with relative noise {@code noise} (noise seed
     * {@code seed + k}), then {@link #of(Observations, ComputeBackend)}. A model with cells outside the velocity range
     * its survey is checked for (0.6 x the slowest to 1.5 x the fastest of its 1-D starting model) is clipped into it
     * first, as the fwi operator clips every model it is given. Calls {@code done} with each finished count.
     */
    public static float[] forModels(TrainingSetFile set, double noise, long seed, ComputeBackend backend,
                                    IntConsumer done) {
        if (!set.problem().equals("fwi") || !set.channels().equals(List.of("velocity"))) {
            throw new IllegalArgumentException("RTM conditions need an fwi training set of velocity models, got "
                    + set.problem() + " with channels " + set.channels());
        }
        ModelGrid g = new ModelGrid(set.nz(), set.nx(), set.dz(), set.dx(), set.channels(), set.units());
        int size = g.size();
        float[] all = set.models().data();
        float[] out = new float[set.count() * size];
        for (int k = 0; k < set.count(); k++) {
            float[] model = clipped(Arrays.copyOfRange(all, k * size, (k + 1) * size), g);
            Observations truth = new Observations("fwi", g, null, List.of(), null, null, model, null);
            float[] c = of(Synthesis.observe(truth, noise, seed + k, backend), backend);
            System.arraycopy(c, 0, out, k * size, size);
            done.accept(k + 1);
        }
        return out;
    }

    /**
     * The model clipped into the velocity range of its own 1-D starting model (in place); clipping moves that model,
     * so it is repeated until the model lies inside.
     */
    private static float[] clipped(float[] v, ModelGrid g) {
        for (int round = 0; round < 100; round++) {
            VelocityRange range = FwiProblemBuilder.velocityRange(Synthesis.lateralMean(v, g));
            float low = ClippedInput.floatAtLeast(range.min());
            float high = ClippedInput.floatAtMost(range.max());
            boolean inside = true;
            for (int i = 0; i < v.length; i++) {
                inside &= v[i] >= low && v[i] <= high;
                v[i] = Math.min(high, Math.max(low, v[i]));
            }
            if (inside) {
                return v;
            }
        }
        throw new IllegalArgumentException("a training model cannot be clipped into its survey's velocity range");
    }

    /** x / rms(x); zeros stay zeros. */
    private static float[] unitRms(float[] x) {
        double s = 0;
        for (float v : x) {
            s += (double) v * v;
        }
        double rms = Math.sqrt(s / x.length);
        float[] out = new float[x.length];
        if (rms > 0) {
            for (int i = 0; i < x.length; i++) {
                out[i] = (float) (x[i] / rms);
            }
        }
        return out;
    }
}
