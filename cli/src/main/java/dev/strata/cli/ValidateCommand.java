package dev.strata.cli;

import dev.strata.cli.invert.CalibrationRow;
import dev.strata.cli.invert.CalibrationRows;
import dev.strata.io.Json;
import dev.strata.sampler.validate.ValidationRow;
import dev.strata.sampler.validate.ValidationSuite;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code strata validate}: every sampler against posteriors known in closed form. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Run every sampler against exact posteriors (Gaussian-linear, Gaussian-mixture-linear, "
                + "memorized, linearised GMM; Levy processes against Gibbs gold standards, held to the Monte Carlo "
                + "error of both) and report meanErr, stdErr and coverage90 per (sampler, oracle). Exact "
                + "samplers must meet meanErr<=0.05, stdErr<=0.05, coverage90 in [0.88,0.92]; DPS a regression "
                + "snapshot (a band measured from its own output); MCMC its own Monte Carlo error, with ESS_min>=100. "
                + "essPerSecond is reported only where comparable with MCMC; samplers handed the target's own "
                + "denoiser or closed form report drawsPerSecond. The calibration rows (oracles calibration-seismic, "
                + "calibration-darcy; calibration-fwi only when named by --oracle) draw K true models from the prior, "
                + "synthesise their data and report how often the samples' 50/80/90/95 %% intervals hold the truth, "
                + "with its standard error over cases: pCN must lie within 3 SE + 0.02 of what exact draws give, "
                + "guided diffusion is a diagnostic. Exits 1 if any row misses its bound. Takes a few minutes; "
                + "--quick runs a subset in seconds.")
final class ValidateCommand implements Callable<Integer> {

    @Option(names = "--json", description = "One JSON object per (sampler, oracle).")
    boolean json;

    @Option(names = "--quick", description = "A fast subset (one or two samplers per oracle, fewer samples).")
    boolean quick;

    @Option(names = "--sampler", paramLabel = "NAME", description = "Only samplers whose name starts with this.")
    String sampler;

    @Option(names = "--oracle", paramLabel = "NAME", description = "Only oracles whose name starts with this; "
            + "calibration-fwi (minutes of wave simulations) runs only when named in full.")
    String oracle;

    @Option(names = "--report", paramLabel = "DIR", description = "Also write DIR/report.md (every row with its "
            + " coverage of the 50/80/90/95 %% intervals) and DIR/calibration.png (empirical against nominal coverage "
            + " per sampler).")
    Path report;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (report != null && Files.exists(report) && !Files.isDirectory(report)) {
            throw new UserInputException("--report " + report + " is a file; fix: give a folder (created if missing)");
        }
        PrintWriter out = spec.commandLine().getOut();
        long t0 = System.nanoTime();
        ValidationSuite.Settings settings = new ValidationSuite.Settings(quick, sampler, oracle);
        boolean[] headed = {false, false};
        List<ValidationRow> rows = ValidationSuite.run(settings, r -> {
            if (!json && !headed[0]) {
                out.printf("%-18s %-17s %6s %8s %8s %10s %8s  %s%n", "sampler", "oracle", "n", "meanErr", "stdErr",
                        "coverage90", "seconds", "ok");
                headed[0] = true;
            }
            out.println(json ? Json.object(fields(r)) : text(r));
            out.flush();
        });
        List<CalibrationRow> calibration = CalibrationRows.run(settings, r -> {
            if (!json && !headed[1]) {
                out.println(CalibrationText.header(r));
                headed[1] = true;
            }
            out.println(json ? Json.object(CalibrationText.fields(r)) : CalibrationText.line(r));
            out.flush();
        });
        if (rows.isEmpty() && calibration.isEmpty()) {
            List<String> names = new ArrayList<>(ValidationSuite.names(quick));
            names.addAll(CalibrationRows.names(quick));
            throw new UserInputException("no (sampler, oracle) pair matches --sampler " + sampler + " --oracle " + oracle
                    + "; the pairs are: " + String.join(", ", names));
        }
        long failed = rows.stream().filter(r -> !r.ok()).count() + calibration.stream().filter(r -> !r.ok()).count();
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (!json) {
            out.printf("%d rows, %d outside their bounds, %.1f s%n", rows.size() + calibration.size(), failed,
                    seconds);
        }
        if (report != null) {
            ValidationReport.write(report, rows, calibration, seconds);
            if (!json) {
                out.println("report: " + report.resolve("report.md"));
            }
        }
        return failed == 0 ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
    }

    private static Map<String, Object> fields(ValidationRow r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sampler", r.sampler());
        m.put("oracle", r.oracle());
        m.put("samples", r.samples());
        m.put("meanErr", r.metrics().meanErr());
        m.put("stdErr", r.metrics().stdErr());
        m.put("coverage90", r.metrics().coverage90());
        m.put("seconds", r.seconds());
        m.put("ok", r.ok());
        m.put("bound", r.bound().description());
        m.put("speedBasis", r.speed().meaning());
        m.putAll(r.extras());
        return m;
    }

    private static String text(ValidationRow r) {
        String line = String.format("%-18s %-17s %6d %8.4f %8.4f %10.4f %8.2f  %s", r.sampler(), r.oracle(),
                r.samples(), r.metrics().meanErr(), r.metrics().stdErr(), r.metrics().coverage90(), r.seconds(),
                r.ok() ? "ok" : "OUTSIDE " + r.bound().description());
        Double ess = r.extras().get("essMin");
        if (ess != null) {
            return line + String.format("  (ESS min %.0f, median %.0f; %.1f ESS/s)", ess, r.extras().get("essMedian"),
                    r.extras().get("essPerSecond"));
        }
        return r.speed().comparableWithMcmc()
                ? line + String.format("  (%.1f ESS/s: %s)", r.extras().get("essPerSecond"), r.speed().meaning())
                : line + String.format("  (%.1f draws/s: %s)", r.extras().get("drawsPerSecond"), r.speed().meaning());
    }
}
