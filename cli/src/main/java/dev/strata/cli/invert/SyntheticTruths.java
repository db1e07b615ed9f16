package dev.strata.cli.invert;

import dev.strata.forward.AffineInput;
import dev.strata.io.Observations;
import dev.strata.io.Observations.ModelGrid;
import dev.strata.kernels.ComputeBackend;
import dev.strata.sampler.Gaussian;
import dev.strata.sampler.GaussianPrior;
import dev.strata.sampler.NoiseStreams;
import java.util.Arrays;
import java.util.List;

/**
 * The cases of a simulation-based calibration (Talts et al. 2018): x_k ~ p(x), y_k = A(x_k) + e_k, e_k ~ N(0, C_d),
 * with p(x) the analytic Gaussian prior that {@code strata invert --prior gaussian} samples from and A the problem's
 * forward operator over its default survey ({@link Synthesis#survey}, {@link ProblemBuilders}). The survey, the
 * operator and the noise sigma are built once, around the prior mean, and are the same for every case: the
 * likelihood the sampler uses is then exactly the one the data were drawn from. ({@code --true} runs tie both to the
 * truth: their noise is a share of the truth's own data RMS, seismic's partly proportional to |d|, and FWI's
 * wavelet, time step, record length and velocity range follow the truth's lateral mean; a sampler told such a
 * likelihood is not sampling the posterior the cases were drawn from.) Case k depends on (seed, k) only.
 */
final class SyntheticTruths {
    private static final long TRUTH = 0x7e57L;
    private static final long NOISE = 0x0b5e7L;
    private static final long REFERENCE = 0x4ef5L;

    /** One case: the truth x_k in the prior's normalised units and the inverse problem of its data y_k. */
    record SyntheticCase(int index, float[] truth, InverseProblem problem) {
    }

    private final CalibrationProblem spec;
    private final PhysicalProblem survey;
    private final Prior prior;
    private final AffineInput units;
    private final double[] sigma;

    private SyntheticTruths(CalibrationProblem spec, PhysicalProblem survey, Prior prior, AffineInput units,
                            double[] sigma) {
        this.spec = spec;
        this.survey = survey;
        this.prior = prior;
        this.units = units;
        this.sigma = sigma;
    }

    /**
     * The survey of {@code spec}'s grid around the prior mean, the analytic Gaussian prior and the noise: sigma =
     * noise x the RMS of the clean data of a reference prior draw, per block (no share proportional to |d|).
     */
    static SyntheticTruths of(CalibrationProblem spec, ComputeBackend backend) {
        ModelGrid g = new ModelGrid(spec.nz(), spec.nx(), spec.dz(), spec.dx(), List.of(spec.channel()),
                List.of(Synthesis.unitOf(spec.channel())));
        float[] mean = new float[g.size()];
        Arrays.fill(mean, (float) PriorDefaults.typical(spec.channel())[0]);
        Observations reference = new Observations(spec.problem(), g, null, List.of(), null, null, mean, null);
        PhysicalProblem survey = ProblemBuilders.build(Synthesis.survey(reference), backend, 0);
        Prior prior = PriorFactory.build("gaussian", survey, spec.seed(), "cpu");
        AffineInput units = new AffineInput(survey.operator(), prior.offset(), prior.scale());
        float[] clean = units.apply(draw(prior, spec.seed() ^ REFERENCE), 1);
        double[] rms = Synthesis.rmsOf(clean, survey.blocks());
        double[] sigma = new double[clean.length];
        for (int k = 0; k < rms.length; k++) {
            DataBlock b = survey.blocks().get(k);
            Arrays.fill(sigma, b.offset(), b.offset() + b.size(), spec.noise() * rms[k]);
        }
        return new SyntheticTruths(spec, survey, prior, units, sigma);
    }

    CalibrationProblem spec() {
        return spec;
    }

    /** The analytic prior the truths are drawn from (and the samplers use). */
    Prior prior() {
        return prior;
    }

    /** Case k: a truth drawn from the prior, its data with noise, the inverse problem of those data. */
    SyntheticCase draw(int k) {
        float[] truth = draw(prior, NoiseStreams.seedOf(spec.seed() ^ TRUTH, k));
        float[] clean = units.apply(truth, 1);
        float[] y = Synthesis.withNoise(clean, sigma, new Gaussian(NoiseStreams.seedOf(spec.seed() ^ NOISE, k)));
        PhysicalProblem p = new PhysicalProblem(survey.observations(), survey.operator(), y, sigma.clone(),
                survey.blocks(), survey.background(), survey.spread(), survey.lowest(), survey.highest());
        return new SyntheticCase(k, truth, new InverseProblem(p, prior.offset(), prior.scale()));
    }

    /** x = m + S z, z ~ N(0, I) from {@code seed}: one draw of the prior in normalised units. */
    private static float[] draw(Prior prior, long seed) {
        GaussianPrior g = prior.gaussian();
        double[] z = new double[g.size()];
        Gaussian normal = new Gaussian(seed);
        for (int i = 0; i < z.length; i++) {
            z[i] = normal.next();
        }
        double[] s = g.colour(z, 1);
        double[] m = g.mean();
        float[] x = new float[s.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (m[i] + s[i]);
        }
        return x;
    }
}
