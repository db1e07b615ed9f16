package dev.strata.cli.invert;

import dev.strata.cli.UserInputException;
import dev.strata.io.ObservationFile;
import dev.strata.io.Observations;
import dev.strata.kernels.ComputeBackend;
import dev.strata.kernels.jvm.JvmBackend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Example observation files, one per problem, to show the schema and to start from: the problem's default survey
 * ({@link Synthesis}) over its built-in true model (seismic: the generator's facies + impedance section; fwi: the
 * shipped Marmousi-II; darcy: a Gaussian random field), with noise; the true model is stored too.
 */
public final class ExampleObservations {
    private ExampleObservations() {
    }

    /** Writes {@code DIR/PROBLEM-observations.h5} and returns its path. */
    public static Path write(String problem, Path dir, long seed, double noise) {
        if (!InvertSettings.PROBLEMS.contains(problem)) {
            throw new UserInputException("--problem '" + problem + "' is unknown; fix: use one of seismic, wells,"
                    + " seismic+wells, fwi, darcy");
        }
        String truth = switch (problem) {
            case "fwi" -> "builtin:marmousi";
            case "darcy" -> "builtin:darcy";
            default -> "builtin:seismic";
        };
        Path file = dir.resolve(problem + "-observations.h5").toAbsolutePath().normalize();
        try (ComputeBackend backend = JvmBackend.withDefaults()) {
            Observations obs = Synthesis.observe(Synthesis.truthGrid(problem, truth, seed), noise, seed, backend);
            Files.createDirectories(file.getParent());
            ObservationFile.write(file, obs);
        } catch (IOException e) {
            throw new UserInputException("cannot write " + file + ": " + e.getMessage() + "; fix: choose a writable"
                    + " --out folder", e);
        }
        return file;
    }
}
