package dev.strata.cli.experiment;

import dev.strata.cli.invert.InvertRun;
import dev.strata.cli.invert.InvertSettings;
import dev.strata.io.SampleStore;
import dev.strata.sampler.ProgressListener;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One {@code strata invert --problem fwi --true TRUTH --prior P --guidance dps} run of the experiment, in-process
 * through {@link InvertRun}, its events captured: EDM Euler, DPS with step scale 1, the experiment's seed.
 */
final class DpsRun {
    private DpsRun() {
    }

    /** The settings of the run of {@code prior} on the set of size {@code n}. */
    static InvertSettings settings(MemorizationSettings s, ExperimentLayout layout, int n, PriorKind prior) {
        String spec = switch (prior) {
            case MEMORIZED -> "memorized:" + layout.trainingSet(n);
            case NETWORK -> "network:" + layout.network(n);
        };
        return new InvertSettings("fwi", "", layout.truth().toString(), s.noise(), spec, "edm-euler", "dps",
                "isotropic", 1, 1, 1, s.samples(), s.seed(), s.steps(), 0, Math.min(8, s.samples()), "jvm", "cpu", 0);
    }

    /**
     * Draws into {@code layout.inversion(n, prior)}; with {@code resume} a finished run is kept, a killed one
     * continued. Returns whether it drew (false: a finished run was kept).
     */
    static boolean run(MemorizationSettings s, ExperimentLayout layout, int n, PriorKind prior, boolean resume) {
        Path out = layout.inversion(n, prior);
        if (resume && Files.isRegularFile(out.resolve("posterior.h5"))) {
            return false;
        }
        boolean continued = resume && Files.isRegularFile(out.resolve(SampleStore.MANIFEST));
        try {
            InvertRun.execute(continued ? null : settings(s, layout, n, prior), out, continued, true,
                    ProgressListener.NONE, new PrintWriter(new StringWriter()));
        } catch (IOException e) {
            throw new UncheckedIOException("strata invert into " + out + ": " + e.getMessage(), e);
        }
        return true;
    }
}
