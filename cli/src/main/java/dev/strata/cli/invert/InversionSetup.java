package dev.strata.cli.invert;

import dev.strata.cli.UserInputException;
import dev.strata.io.Json;
import dev.strata.io.ObservationFile;
import dev.strata.io.Observations;
import dev.strata.kernels.ComputeBackend;
import dev.strata.kernels.ComputeBackends;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What drawing or summarising a run needs, built from its settings before anything is written: the backend, the
 * observations (read or synthesised), the problem in normalised units, the prior, checked against the memory, and
 * the attributes every output file carries (version, settings, backend, prior). Closing it closes the prior and the
 * backend.
 */
final class InversionSetup implements AutoCloseable {
    /** Bytes per model value held per sample during a reverse step (state, x̂0, guidance, temporaries). */
    static final int BYTES_PER_VALUE_IN_FLIGHT = 4 * 24;

    final InvertSettings settings;
    final ComputeBackend backend;
    final Observations observations;
    final Prior prior;
    final InverseProblem problem;
    final Map<String, String> attributes;

    private InversionSetup(InvertSettings settings, ComputeBackend backend, Observations observations, Prior prior,
                           InverseProblem problem) {
        this.settings = settings;
        this.backend = backend;
        this.observations = observations;
        this.prior = prior;
        this.problem = problem;
        this.attributes = Map.copyOf(attributes(settings, backend, prior));
    }

    /** Builds everything {@code settings} call for; bad input is refused with one line, nothing is written. */
    static InversionSetup open(InvertSettings settings) {
        ComputeBackend backend = openBackend(settings.backend());
        Prior prior = null;
        try {
            Observations obs = observations(settings, backend);
            PhysicalProblem physical = ProblemBuilders.build(obs, backend, settings.maxMemoryBytes());
            prior = PriorFactory.build(settings.prior(), physical, settings.seed(), settings.device());
            requireMemory(settings, physical, prior);
            InverseProblem problem = new InverseProblem(physical, prior.offset(), prior.scale());
            return new InversionSetup(settings, backend, obs, prior, problem);
        } catch (RuntimeException e) {
            if (prior != null) {
                prior.close();
            }
            backend.close();
            throw e;
        }
    }

    /** The version of this build, as written into manifests and files. */
    static String version() {
        String v = InversionSetup.class.getPackage().getImplementationVersion();
        return v == null ? "development build" : v;
    }

    @Override
    public void close() {
        try {
            prior.close();
        } finally {
            backend.close();
        }
    }

    private static ComputeBackend openBackend(String spec) {
        try {
            return ComputeBackends.open(spec);
        } catch (RuntimeException e) {
            throw new UserInputException("--backend " + spec + ": " + e.getMessage(), e);
        }
    }

    private static Observations observations(InvertSettings s, ComputeBackend backend) {
        if (!s.data().isEmpty()) {
            Observations obs;
            try {
                obs = ObservationFile.read(Path.of(s.data()));
            } catch (IOException e) {
                throw new UserInputException(e.getMessage(), e);
            }
            if (!obs.problem().equals(s.problem())) {
                throw new UserInputException("--problem " + s.problem() + " but " + s.data() + " holds a '"
                        + obs.problem() + "' problem; fix: use --problem " + obs.problem());
            }
            return obs;
        }
        return Synthesis.observe(Synthesis.truthGrid(s.problem(), s.truth(), s.seed()), s.noise(), s.seed(), backend);
    }

    /** Refuses, before anything runs, a run whose summary or reverse steps would not fit in the heap. */
    static void requireMemory(InvertSettings s, PhysicalProblem p, Prior prior) {
        long size = p.operator().inputSize();
        long summary = (long) s.samples() * size * 4 * 2;
        long inFlight = (long) Math.min(s.batch(), s.samples()) * size * BYTES_PER_VALUE_IN_FLIGHT;
        long need = summary + inFlight + (long) prior.count() * size * 8;
        long have = Runtime.getRuntime().maxMemory();
        if (need > have * 0.8) {
            throw new UserInputException(String.format("this run needs about %.1f GB of memory (%d samples of %d"
                    + " values, batch %d), the JVM has %.1f GB; fix: lower --samples or --batch, or raise the heap"
                    + " (JAVA_TOOL_OPTIONS=-Xmx...)", need / 1e9, s.samples(), size, s.batch(), have / 1e9));
        }
    }

    private static Map<String, String> attributes(InvertSettings s, ComputeBackend backend, Prior prior) {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("strata_version", version());
        a.put("strata_command", "invert");
        a.put("config", Json.object(new LinkedHashMap<>(s.toMap())));
        s.toMap().forEach((k, val) -> a.put("setting_" + k, val));
        a.put("backend_device", backend.name());
        a.put("prior_description", prior.description());
        return a;
    }
}
