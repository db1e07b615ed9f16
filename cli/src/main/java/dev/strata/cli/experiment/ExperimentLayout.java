package dev.strata.cli.experiment;

import java.nio.file.Path;

/**
 * Where a memorization experiment writes under its {@code --out} folder: the settings, the training sets and the
 * held-out truth ({@code data/}), one network folder per N, one {@code strata invert} store per (N, prior), the
 * report and its figures.
 */
record ExperimentLayout(Path dir) {
    static final String SETTINGS = "experiment.json";
    static final String REPORT = "report.md";
    static final String RESULTS = "results.json";
    static final String RMSE_PNG = "rmse.png";
    static final String MEMORIZATION_PNG = "memorization.png";
    static final String MODELS_PNG = "models.png";

    ExperimentLayout {
        dir = dir.toAbsolutePath().normalize();
    }

    Path settings() {
        return dir.resolve(SETTINGS);
    }

    /** Seconds per stage, kept for a resumed run. */
    Path stages() {
        return dir.resolve("stages.json");
    }

    Path data() {
        return dir.resolve("data");
    }

    /** The N models of the memorized prior. */
    Path trainingSet(int n) {
        return data().resolve("train-" + n + ".h5");
    }

    /** The same N models followed by the held-out ones that judge the network. */
    Path networkSet(int n) {
        return data().resolve("train-" + n + "-with-holdout.h5");
    }

    /** One model of another seed: the true model of every inversion. */
    Path truth() {
        return data().resolve("truth.h5");
    }

    Path network(int n) {
        return dir.resolve("network-" + n);
    }

    Path inversion(int n, PriorKind prior) {
        return dir.resolve("invert-" + n + "-" + prior.id());
    }

    Path report() {
        return dir.resolve(REPORT);
    }

    Path results() {
        return dir.resolve(RESULTS);
    }

    Path rmsePng() {
        return dir.resolve(RMSE_PNG);
    }

    Path memorizationPng() {
        return dir.resolve(MEMORIZATION_PNG);
    }

    Path modelsPng() {
        return dir.resolve(MODELS_PNG);
    }
}
