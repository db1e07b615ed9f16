package dev.strata.cli.invert;

import dev.strata.cli.UserInputException;
import dev.strata.io.Observations;
import dev.strata.kernels.ComputeBackend;

/** Builds the physical problem of any kind from observations; operator errors become one-line input errors. */
final class ProblemBuilders {
    private ProblemBuilders() {
    }

    static PhysicalProblem build(Observations obs, ComputeBackend backend, long maxMemoryBytes) {
        try {
            return switch (obs.problem()) {
                case "seismic", "wells", "seismic+wells" -> SeismicProblemBuilder.build(obs, backend);
                case "fwi" -> FwiProblemBuilder.build(obs, backend, maxMemoryBytes);
                case "darcy" -> DarcyProblemBuilder.build(obs, backend);
                default -> throw new UserInputException("problem '" + obs.problem() + "' is unknown; fix: use seismic,"
                        + " wells, seismic+wells, fwi or darcy");
            };
        } catch (IllegalArgumentException e) {
            throw new UserInputException(obs.problem() + " problem: " + e.getMessage(), e);
        }
    }
}
