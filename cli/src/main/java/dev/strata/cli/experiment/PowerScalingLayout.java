package dev.strata.cli.experiment;

import java.nio.file.Path;

/**
 * Where a power-scaling experiment writes under its {@code --out} folder: the settings, the training set and the
 * held-out truth ({@code data/}), the conditional network, the samples of each setting ({@code samples/}), the report
 * and its figures.
 */
record PowerScalingLayout(Path dir) {
    static final String REPORT = "report.md";

    PowerScalingLayout {
        dir = dir.toAbsolutePath().normalize();
    }

    Path settings() {
        return dir.resolve("experiment.json");
    }

    /** Seconds per stage, kept for a resumed run. */
    Path stages() {
        return dir.resolve("stages.json");
    }

    Path data() {
        return dir.resolve("data");
    }

    /** The N training models followed by the held-out ones. */
    Path trainingSet() {
        return data().resolve("train.h5");
    }

    /** One model of another seed: the true model. */
    Path truth() {
        return data().resolve("truth.h5");
    }

    Path network() {
        return dir.resolve("network");
    }

    Path samples(PowerSetting p) {
        return dir.resolve("samples").resolve(p.id() + ".f32");
    }

    Path report() {
        return dir.resolve(REPORT);
    }

    Path results() {
        return dir.resolve("results.json");
    }

    /** Truth, condition and starting model. */
    Path problemPng() {
        return dir.resolve("problem.png");
    }

    Path lambdaPng() {
        return dir.resolve("lambda-sweep.png");
    }

    Path alphaPng() {
        return dir.resolve("alpha-sweep.png");
    }

    Path gridPng() {
        return dir.resolve("joint-grid.png");
    }

    Path residualPng() {
        return dir.resolve("residual.png");
    }

    Path diversityPng() {
        return dir.resolve("diversity.png");
    }
}
