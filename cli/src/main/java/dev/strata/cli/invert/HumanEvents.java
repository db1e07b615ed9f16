package dev.strata.cli.invert;

import java.util.Map;
import java.util.stream.Collectors;

/** The lines {@code strata invert} prints for a person (the same events as its {@code --json} output). */
final class HumanEvents {
    private HumanEvents() {
    }

    static String line(String kind, Map<String, ?> f) {
        return switch (kind) {
            case "start" -> String.format("invert%s: %s, %s samples, %s shard(s) to draw into %s",
                    f.containsKey("shard") ? " share " + f.get("shard") : "", f.get("problem"), f.get("samples"),
                    f.get("shards_to_draw"), f.get("out"));
            case "share_done" -> String.format("done: share %s of the run, %s samples in %s, in %.1f s; its summary"
                    + " comes with the others: strata merge --out DIR STORE...", f.get("shard"), f.get("samples"),
                    f.get("out"), (double) f.get("seconds"));
            case "shard" -> String.format("shard %s..%s: %.1f s (%.2f s per sample; %s)%s", f.get("first"),
                    (long) f.get("first") + (int) f.get("count") - 1, (double) f.get("seconds"),
                    (double) f.get("seconds_per_sample"), split(f), truncated(f));
            case "merged" -> String.format("merge: %s samples from %s store(s) into %s", f.get("samples"),
                    f.get("stores"), f.get("out"));
            case "wrote" -> "wrote " + f.get("file");
            case "done" -> done(f);
            default -> kind + ": " + f;
        };
    }

    /** A note when some of the shard's conjugate-gradient solves stopped at their iteration cap; else nothing. */
    private static String truncated(Map<String, ?> f) {
        if (!(f.get("cg_truncated") instanceof Number t) || t.longValue() == 0) {
            return "";
        }
        return String.format("%nnote: %d of %s solves of J C J^T + I (one per sample and step) stopped at %d conjugate-"
                + "gradient iterations above their tolerance; those steps took the truncated solve", t.longValue(),
                f.get("cg_systems"), PosteriorSamplerFactory.CG_MAX_ITERATIONS);
    }

    private static String split(Map<String, ?> f) {
        return f.entrySet().stream().filter(e -> e.getKey().startsWith("seconds_") && !e.getKey().equals(
                "seconds_per_sample")).map(e -> e.getKey().substring(8).replace('_', ' ') + " "
                + String.format("%.2f s", (double) e.getValue())).collect(Collectors.joining(", "));
    }

    private static String done(Map<String, ?> f) {
        StringBuilder sb = new StringBuilder(String.format("done: %s samples in %.1f s%n", f.get("samples"),
                (double) f.get("seconds")));
        sb.append("data fit (RMS residual / noise std; 1 = fitted to the noise):");
        f.forEach((k, v) -> {
            if (k.startsWith("misfit_")) {
                sb.append(String.format(" %s %.2f", k.substring(7), (double) v));
            }
        });
        if (f.get("ksd") instanceof Double ksd) {
            sb.append(String.format("%nkernel Stein discrepancy against the posterior (lower is better; compares methods"
                    + " on one problem): %.4g", ksd));
        }
        boolean truth = f.keySet().stream().anyMatch(k -> k.endsWith("_rmse"));
        if (truth) {
            sb.append(String.format("%nagainst the true model:"));
            f.forEach((k, v) -> {
                if (k.endsWith("_rmse")) {
                    String ch = k.substring(0, k.length() - 5);
                    sb.append(String.format(" %s RMSE %.4g, relative L2 %.3f, SSIM %.3f, PSNR %.1f dB, 90%% interval"
                            + " holds %.0f%% of true values;", ch, (double) v, (double) f.get(ch + "_relative_l2"),
                            (double) f.get(ch + "_ssim"), (double) f.get(ch + "_psnr_db"),
                            100 * (double) f.get(ch + "_coverage90")));
                }
            });
        }
        if (Boolean.TRUE.equals(f.get("deterministic_restarts"))) {
            sb.append(String.format("%nnote: LD-DIM's samples are restarts of a deterministic inversion, not posterior"
                    + " draws; their spread shows how much the answer depends on the starting point."));
        } else if (Boolean.TRUE.equals(f.get("approximate_posterior"))) {
            sb.append(String.format("%nnote: DPS-type guidance gives an approximation of the posterior, not the posterior"
                + " itself; 'strata validate' measures its bias on problems with a known answer."));
        }
        return sb.toString();
    }
}
