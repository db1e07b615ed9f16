package dev.strata.cli.invert;

import dev.strata.cli.invert.SyntheticTruths.SyntheticCase;
import dev.strata.sampler.ProgressListener;
import dev.strata.sampler.mcmc.ChainSettings;
import dev.strata.sampler.mcmc.EffectiveSampleSize;
import dev.strata.sampler.mcmc.GaussianLikelihood;
import dev.strata.sampler.mcmc.McmcRun;
import dev.strata.sampler.mcmc.PcnChains;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * pCN (Cotter et al. 2013; {@link PcnChains}) with one chain per case, all cases' chains advancing as one batch (one
 * operator call per iteration, chain k compared with case k's data): started at a prior draw, {@code burnIn}
 * iterations with its own step adapting towards 25 % acceptance, then S states kept one every {@code thin}. A chain
 * per case pays its burn-in once for S samples, where {@code strata invert --sampler pcn} runs a chain per sample;
 * the sampler is the same Markov chain. The kept states are nearly independent when {@code thin} exceeds the
 * chain's autocorrelation time: the figures report the effective sample size of each case's S states.
 *
 * @param prior       the analytic Gaussian prior (the chains' reference measure)
 * @param burnIn      iterations per chain before the first kept state
 * @param thin        iterations between kept states
 * @param initialStep pCN's beta at the start of burn-in
 */
record CaseChains(Prior prior, int burnIn, int thin, double initialStep) implements CaseSampling {

    @Override
    public CaseDraws sample(List<SyntheticCase> cases, int samples, long seed) {
        int k = cases.size();
        InverseProblem first = cases.getFirst().problem();
        int m = first.operator().outputSize();
        float[] data = new float[k * m];
        for (SyntheticCase c : cases) {
            System.arraycopy(c.problem().data(), 0, data, c.index() * m, m);
        }
        PcnChains chains = new PcnChains(prior.gaussian(), GaussianLikelihood.perState(first.operator(), data, k, 1));
        McmcRun run = chains.run(new ChainSettings(k, burnIn, samples * thin, thin, initialStep), seed, 0,
                ProgressListener.NONE);
        int size = run.size();
        double essMin = Double.MAX_VALUE;
        double essMedian = 0;
        for (int c = 0; c < k; c++) {
            float[] one = Arrays.copyOfRange(run.draws(), c * samples * size, (c + 1) * samples * size);
            EffectiveSampleSize ess = EffectiveSampleSize.of(one, 1, samples, size);
            essMin = Math.min(essMin, ess.min());
            essMedian += ess.median() / k;
        }
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("acceptance", run.acceptance());
        figures.put("step", run.stepSize());
        figures.put("essMinOverCases", essMin);
        figures.put("essMedianMeanOverCases", essMedian);
        return new CaseDraws(run.draws(), figures);
    }
}
