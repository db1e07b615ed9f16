package dev.strata.cli.experiment;

import dev.strata.cli.experiment.LdDimExperiment.FamilyResult;
import dev.strata.io.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code report.md} and {@code results.jsonl} (one flat JSON object per row) of {@code strata experiment ld-dim}: per
 * family, one table row per method (mean and spread over restarts), the DPS posterior view, and the seed's claims
 * judged from these numbers.
 */
final class LdDimReport {
    static final String REPORT = "report.md";
    static final String RESULTS = "results.jsonl";

    private LdDimReport() {
    }

    static void write(LdDimSettings s, List<FamilyResult> results, Map<String, Double> seconds, Path out) {
        OutputFolder.writeReport(out.resolve(REPORT), markdown(s, results, seconds), out.resolve(RESULTS),
                json(s, results));
    }

    static String markdown(LdDimSettings s, List<FamilyResult> results, Map<String, Double> seconds) {
        StringBuilder b = new StringBuilder();
        b.append("# LD-DIM against its baselines on Darcy flow (seed 002, arXiv 2512.22421)\n\n");
        b.append(s.describe()).append(".\n\n");
        b.append("Every method starts from ").append(s.restarts()).append(" draws of the prior (LD-DIM: latent noise"
                + " z ~ N(0, I); physics-embedded VAE: a normalised latent ~ N(0, I); pixel: a field of the family)"
                + " and runs ").append(s.iterations()).append(" Adam iterations on the same noisy heads. Columns:"
                + " mean +- standard deviation over the restarts (the spread is the sensitivity to initialisation)."
                + " The whitened residual is 1 at the noise. Sharpness (bimaterial): largest jump within two cells"
                + " of the true interface over the contrast, 1 = as sharp as the truth.\n\n");
        b.append("No PINN row: a physics-informed network needs the PDE residual's second derivatives of the"
                + " network's output with respect to its input inside the loss, i.e. higher-order autodiff, and"
                + " DJL 0.35.1's GradientCollector.backward runs libtorch's backward with create_graph = false"
                + " (the variant that takes the flag is private), so gradients of gradients are not available. The"
                + " physics-embedded VAE and pixel descent are built instead; both use the finite-volume solver's"
                + " exact adjoint, as LD-DIM does.\n\n");
        for (FamilyResult r : results) {
            b.append("## ").append(r.family().title).append("\n\n");
            b.append("| method | rel. L2 ln K | rel. L2 K | rel. L2 head | whitened residual | sharpness | seconds"
                    + " |\n");
            b.append("|---|---|---|---|---|---|---|\n");
            for (LdDimMetrics m : r.methods()) {
                b.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %.0f |%n", m.method(),
                        pm(m.logkError()), pm(m.kError()), pm(m.headError()), pm(m.residual()),
                        Double.isNaN(m.sharpness()[0]) ? "-" : pm(m.sharpness()), m.seconds()));
            }
            PosteriorView v = r.view();
            b.append(String.format(Locale.ROOT, "%nPosterior view, DPS with the latent prior (%d samples): the mean's"
                    + " rel. L2 ln K %.3f, mean std %.3f, coverage of the truth by the central 90 %% interval"
                    + " %.2f. VAE training loss (last 10 %%) %.4f.%n%n", s.samples(), v.meanError(), v.meanStd(),
                    v.coverage90(), r.vaeLoss()));
            b.append("Claims of the seed, judged on this run:\n\n");
            for (String claim : claims(r)) {
                b.append("- ").append(claim).append('\n');
            }
            b.append('\n');
        }
        b.append("## Figures\n\n");
        for (FamilyResult r : results) {
            b.append("![convergence](").append(LdDimFigures.convergence(r.family())).append(") ![error](")
                    .append(LdDimFigures.error(r.family())).append(")\n\n");
        }
        b.append("![fields](").append(LdDimFigures.FIELDS).append(")\n\n");
        b.append("## Seconds per stage (measured on the machine that ran it)\n\n| stage | seconds |\n|---|---|\n");
        seconds.forEach((k, v) -> b.append(String.format(Locale.ROOT, "| %s | %.1f |%n", k, v)));
        return b.toString();
    }

    /** The seed's claims, each judged from the numbers of {@code r}. */
    static List<String> claims(FamilyResult r) {
        LdDimMetrics ld = r.methods().get(0);
        List<String> out = new ArrayList<>();
        for (LdDimMetrics other : r.methods().subList(1, r.methods().size())) {
            double a = LdDimMetrics.mean(ld.logkError());
            double o = LdDimMetrics.mean(other.logkError());
            out.add(String.format(Locale.ROOT, "more accurate than %s (mean rel. L2 ln K %.3f vs %.3f): %s",
                    other.method(), a, o, verdict(a < o)));
            double sa = LdDimMetrics.std(ld.logkError());
            double so = LdDimMetrics.std(other.logkError());
            out.add(String.format(Locale.ROOT, "less sensitive to initialisation than %s (spread of rel. L2 ln K"
                    + " %.3f vs %.3f): %s", other.method(), sa, so, verdict(sa < so)));
            if (!Double.isNaN(ld.sharpness()[0])) {
                double ha = LdDimMetrics.mean(ld.sharpness());
                double ho = LdDimMetrics.mean(other.sharpness());
                out.add(String.format(Locale.ROOT, "sharper interfaces than %s (sharpness %.2f vs %.2f): %s",
                        other.method(), ha, ho, verdict(ha > ho)));
            }
        }
        return out;
    }

    private static String verdict(boolean holds) {
        return holds ? "holds" : "does not hold";
    }

    private static String pm(double[] v) {
        return String.format(Locale.ROOT, "%.3f +- %.3f", LdDimMetrics.mean(v), LdDimMetrics.std(v));
    }

    static String json(LdDimSettings s, List<FamilyResult> results) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (FamilyResult r : results) {
            for (LdDimMetrics m : r.methods()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("family", r.family().id);
                row.put("method", m.method());
                row.put("logk_error", LdDimMetrics.mean(m.logkError()));
                row.put("logk_error_spread", LdDimMetrics.std(m.logkError()));
                row.put("k_error", LdDimMetrics.mean(m.kError()));
                row.put("head_error", LdDimMetrics.mean(m.headError()));
                row.put("residual", LdDimMetrics.mean(m.residual()));
                row.put("sharpness", Double.isNaN(m.sharpness()[0]) ? null : LdDimMetrics.mean(m.sharpness()));
                row.put("seconds", m.seconds());
                rows.add(row);
            }
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("family", r.family().id);
            view.put("method", "dps-latent");
            view.put("logk_error", r.view().meanError());
            view.put("coverage90", r.view().coverage90());
            view.put("mean_std", r.view().meanStd());
            rows.add(view);
        }
        return String.join("\n", rows.stream().map(Json::object).toList());
    }
}
