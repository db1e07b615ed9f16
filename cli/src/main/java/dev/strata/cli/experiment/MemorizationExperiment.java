package dev.strata.cli.experiment;

import dev.strata.cli.invert.PhysicalProblem;
import dev.strata.cli.invert.SyntheticProblem;
import dev.strata.io.Hdf5Reader;
import dev.strata.kernels.ComputeBackend;
import dev.strata.kernels.ComputeBackends;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Seed 001's memorization experiment on FWI (Siahkoohi and Sabeddu, "On the role of memorization in learned priors
 * for geophysical inverse problems"): for each training-set size N, DPS with the memorized prior (the set itself) and
 * with a network trained on it, on the same noisy shot gathers of a held-out true model, measured against the truth,
 * against the set (memorization share) and against the closed-form memorized posterior
 * w_k ∝ exp(-||F(m_k) - y||^2 / (2 sigma^2)). Stages: datagen, then per N closed form, DPS memorized, training,
 * DPS network; then report and figures.
 */
final class MemorizationExperiment {
    private MemorizationExperiment() {
    }

    /** Runs every stage into {@code out} (checked first; with {@code resume} finished stages are kept). */
    static MemorizationResult run(MemorizationSettings s, Path out, boolean resume) {
        ExperimentLayout layout = new ExperimentLayout(out);
        OutputFolder.prepare(layout.dir(), layout.data(), layout.settings(), s.toMap(), resume);
        StageClock clock = StageClock.open(layout.stages(), resume);
        clock.time("datagen", () -> {
            TrainingSets.write(s, layout);
            return null;
        });
        float[] truth = MemorizedSet.read(layout.truth()).models();
        List<ResultRow> rows = new ArrayList<>();
        Map<Integer, ClosedFormPosterior> closedForm = new LinkedHashMap<>();
        float[] starting;
        try (ComputeBackend backend = ComputeBackends.open("jvm")) {
            PhysicalProblem problem = clock.time("synthesise data",
                    () -> SyntheticProblem.of("fwi", layout.truth(), s.noise(), s.seed(), backend));
            starting = problem.background();
            for (int n : s.sizes()) {
                MemorizedSet set = MemorizedSet.read(layout.trainingSet(n));
                ClosedFormPosterior cf = clock.time("closed form N=" + n, () -> ClosedFormPosterior.of(set, problem));
                closedForm.put(n, cf);
                rows.addAll(size(s, layout, set, cf, truth, problem, clock, resume));
            }
        }
        MemorizationResult result = new MemorizationResult(s, layout, rows, closedForm, starting,
                Rmse.of(starting, truth), clock.seconds());
        clock.time("report", () -> {
            MemorizationFigures.write(result, truth, MemorizedSet.read(layout.trainingSet(s.sizes().getLast())));
            MemorizationReport.write(result);
            return null;
        });
        return new MemorizationResult(s, layout, rows, closedForm, starting, result.startingRmse(),
                clock.seconds());
    }

    /** The two rows of one N. */
    private static List<ResultRow> size(MemorizationSettings s, ExperimentLayout layout, MemorizedSet set,
                                        ClosedFormPosterior cf, float[] truth, PhysicalProblem problem,
                                        StageClock clock, boolean resume) {
        int n = set.n();
        double nearest = Rmse.of(set.nearest(truth), truth);
        String dpsMemorized = "DPS memorized N=" + n;
        String training = "train network N=" + n;
        String dpsNetwork = "DPS network N=" + n;
        clock.timeOrKeep(dpsMemorized, () -> run(s, layout, n, PriorKind.MEMORIZED, resume, problem));
        clock.timeOrKeep(training, () -> NetworkPrior.train(s, layout, n, resume));
        clock.timeOrKeep(dpsNetwork, () -> run(s, layout, n, PriorKind.NETWORK, resume, problem));
        var sec = clock.seconds();
        return List.of(
                new ResultRow(n, PriorKind.MEMORIZED, RunMetrics.measure(layout.inversion(n, PriorKind.MEMORIZED),
                        truth, set, cf), cf.rmse(truth), cf.misfit(), cf.effectiveModels(), nearest,
                        sec.get(dpsMemorized)),
                new ResultRow(n, PriorKind.NETWORK, RunMetrics.measure(layout.inversion(n, PriorKind.NETWORK),
                        truth, set, cf), cf.rmse(truth), cf.misfit(), cf.effectiveModels(), nearest,
                        sec.get(training) + sec.get(dpsNetwork)));
    }

    /** Whether the run was drawn now (false: a finished run was kept). */
    private static boolean run(MemorizationSettings s, ExperimentLayout layout, int n, PriorKind prior,
                               boolean resume, PhysicalProblem problem) {
        boolean ran = DpsRun.run(s, layout, n, prior, resume);
        requireSameData(layout.inversion(n, prior), problem.data());
        return ran;
    }

    /** The closed form must weigh the very data the sampler saw; a difference is a bug, not bad input. */
    private static void requireSameData(Path run, float[] data) {
        try (Hdf5Reader h5 = Hdf5Reader.open(run.resolve("posterior.h5"))) {
            if (!Arrays.equals(h5.readFloats("data/observed").data(), data)) {
                throw new IllegalStateException("the data inverted in " + run + " differ from those the closed form"
                        + " weighs");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }
}
