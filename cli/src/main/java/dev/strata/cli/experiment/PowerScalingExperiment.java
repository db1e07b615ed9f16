package dev.strata.cli.experiment;

import dev.strata.cli.DatagenCommand;
import dev.strata.cli.DatagenProblem;
import dev.strata.cli.invert.PhysicalProblem;
import dev.strata.cli.invert.RtmCondition;
import dev.strata.cli.invert.SyntheticProblem;
import dev.strata.forward.geology.LayeredVelocityModel;
import dev.strata.forward.geology.ModelGenerator;
import dev.strata.forward.geology.SectionGrid;
import dev.strata.kernels.ComputeBackend;
import dev.strata.kernels.ComputeBackends;
import dev.strata.sampler.nn.LearnedPriorCheckpoint;
import dev.strata.sampler.nn.NetworkDenoiser;
import dev.strata.sampler.prior.ChannelNormalisation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.nio.file.Path;
import java.util.List;

/**
 * Seed 003's power-scaled posterior on FWI (Erdinc et al., "Power-scaled Bayesian inference with score-based
 * generative models"): one conditional network trained with classifier-free-guidance dropout on (velocity model, RTM
 * image of its shot gathers) pairs ({@code strata train --condition rtm}) gives D(x; c) and D(x); sampling
 * p(y | x)^lambda p(x)^alpha for each (lambda, alpha) of the sweeps, with the RTM image of held-out noisy shot gathers
 * as c, then measuring each setting against the truth and the shot data. Stages: datagen, training, synthesis, the
 * condition, one draw per setting, report and figures.
 */
final class PowerScalingExperiment {
    private PowerScalingExperiment() {
    }

    /** Runs every stage into {@code out} (checked first; with {@code resume} finished stages are kept). */
    static PowerScalingResult run(PowerScalingSettings s, Path out, boolean resume) {
        PowerScalingLayout layout = new PowerScalingLayout(out);
        OutputFolder.prepare(layout.dir(), layout.data(), layout.settings(), s.toMap(), resume);
        StageClock clock = StageClock.open(layout.stages(), resume);
        clock.time("datagen", () -> {
            write(s, layout);
            return null;
        });
        clock.timeOrKeep("RTM conditions and training", () -> NetworkPrior.train(layout.network(), List.of(
                "--data", layout.trainingSet().toString(), "--condition", "rtm",
                "--condition-noise", Double.toString(s.noise()), "--steps", Integer.toString(s.trainSteps()),
                "--batch", Integer.toString(s.trainBatch()), "--width", Integer.toString(s.width()),
                "--levels", Integer.toString(PowerScalingSettings.LEVELS), "--seed", Long.toString(s.seed()),
                "--holdout", Integer.toString(s.holdout()), "--checkpoint-every", "100",
                "--quality-samples", "8", "--quality-steps", "16"), resume));
        float[] truth = MemorizedSet.read(layout.truth()).models();
        LearnedPriorCheckpoint network = checkpoint(layout);
        ChannelNormalisation models = network.normalisation();
        List<PowerScalingRow> rows = new ArrayList<>();
        float[] condition;
        PhysicalProblem problem;
        double truthResidual;
        try (ComputeBackend backend = ComputeBackends.open("jvm"); NetworkDenoiser net = network.denoiser()) {
            problem = clock.time("synthesise data",
                    () -> SyntheticProblem.of("fwi", layout.truth(), s.noise(), s.seed(), backend));
            condition = clock.time("RTM condition", () -> RtmCondition.of(problem, backend));
            float[] c = network.conditionNormalisation().normalise(condition);
            for (PowerSetting p : s.settings()) {
                float[][] drawn = new float[1][];
                Path file = layout.samples(p);
                boolean kept = resume && Files.isRegularFile(file);
                String stage = "draw " + p.id();
                clock.timeOrKeep(stage, () -> {
                    drawn[0] = PowerScaledDraws.drawOrRead(file, net, c, p, s, backend, resume);
                    return !kept;
                });
                rows.add(PowerScalingRow.measure(p, models.physical(drawn[0]), s.samples(), truth, s.cells(),
                        s.cells(), problem.operator(), problem.data(), clock.seconds().get(stage)));
            }
            truthResidual = PowerScalingRow.residual(problem.operator(), truth, 1, problem.data());
        }
        PowerScalingResult r = new PowerScalingResult(s, layout, rows, truth, condition, problem.background(),
                truthResidual, network.finalLoss(), clock.seconds());
        clock.time("report", () -> {
            PowerScalingFigures.write(r);
            PowerScalingReport.write(r);
            return null;
        });
        return new PowerScalingResult(s, layout, rows, truth, condition, problem.background(), truthResidual,
                network.finalLoss(), clock.seconds());
    }

    /** N + holdout faulted-layer models of the training seed, and one true model of another seed. */
    private static void write(PowerScalingSettings s, PowerScalingLayout layout) {
        ModelGenerator generator = LayeredVelocityModel.faulted(new SectionGrid(s.cells(), s.cells(), s.cellMetres(),
                s.cellMetres()));
        DatagenCommand.writeTrainingSet(DatagenProblem.FWI, MemorizationSettings.FAMILY, generator, 1, s.truthSeed(),
                layout.truth());
        DatagenCommand.writeTrainingSet(DatagenProblem.FWI, MemorizationSettings.FAMILY, generator,
                s.models() + s.holdout(), s.seed(), layout.trainingSet());
    }

    private static LearnedPriorCheckpoint checkpoint(PowerScalingLayout layout) {
        try {
            return LearnedPriorCheckpoint.read(layout.network());
        } catch (IOException e) {
            throw new UncheckedIOException("the network of " + layout.dir() + ": " + e.getMessage(), e);
        }
    }
}
