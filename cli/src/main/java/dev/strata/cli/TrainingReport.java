package dev.strata.cli;

import dev.strata.io.Json;
import dev.strata.io.LinePlot;
import dev.strata.sampler.nn.LearnedPriorCheckpoint;
import dev.strata.sampler.nn.ScoreMatchingTrainer;
import dev.strata.sampler.quality.PriorQuality;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What {@code strata train} prints (text or one JSON object) and its loss chart. */
record TrainingReport(PrintWriter pw, boolean json, Path out) {
    static LinePlot.Chart lossChart(float[] losses) {
        double[] x = new double[losses.length];
        double[] y = new double[losses.length];
        for (int i = 0; i < losses.length; i++) {
            x[i] = i + 1;
            y[i] = losses[i];
        }
        return new LinePlot.Chart("Denoising score-matching loss (EDM weighting)", "step", "loss",
                List.of(LinePlot.Series.line("loss per step", x, y)), true, List.of());
    }

    void stopped(ScoreMatchingTrainer.Settings s, ScoreMatchingTrainer.Result r, double seconds) {
        
        Path state = ScoreMatchingTrainer.statePath(out).toAbsolutePath().normalize();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("command", "train");
            m.put("stoppedAfter", r.done());
            m.put("steps", s.steps());
            m.put("resumedFrom", r.resumedFrom());
            m.put("seconds", seconds);
            m.put("probeSha256", r.probeSha256() == null ? "" : r.probeSha256());
            m.put("checkpoint", state.toString());
            pw.println(Json.object(m));
        } else {
            pw.printf("stopped after step %d of %d (%.1f s); checkpoint %s, continue with --resume%n", r.done(),
                    s.steps(), seconds, state);
            if (r.probeSha256() != null) {
                pw.println("EMA weights after step " + Math.min(ScoreMatchingTrainer.PROBE_STEP, s.steps())
                        + ": sha256 " + r.probeSha256());
            }
        }
        pw.flush();
    }

    void done(ScoreMatchingTrainer.Settings s, ScoreMatchingTrainer.Result r, double seconds, Path png,
                        PriorQuality quality) {
        Path dir = out.toAbsolutePath().normalize();
        
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("command", "train");
            m.put("steps", s.steps());
            m.put("resumedFrom", r.resumedFrom());
            m.put("batch", s.batch());
            m.put("seed", s.seed());
            m.put("finalLoss", r.finalLoss());
            m.put("seconds", seconds);
            m.put("probeSha256", r.probeSha256());
            m.put("out", dir.toString());
            quality.fields().forEach((k, v) -> m.put("quality." + k, v));
            pw.println(Json.object(m));
        } else {
            pw.printf("trained %d steps of %d models in %.1f s%s; final loss %.4f%n", s.steps() - r.resumedFrom(),
                    s.batch(), seconds, r.resumedFrom() > 0 ? " (resumed at step " + r.resumedFrom() + ")" : "",
                    r.finalLoss());
            pw.println("wrote " + dir.resolve(LearnedPriorCheckpoint.NAME + ".params"));
            pw.println("wrote " + png.toAbsolutePath().normalize());
            pw.println("wrote " + dir.resolve("samples.png"));
            QualityText.print(pw, quality);
            pw.println("wrote " + dir.resolve("quality.json"));
        }
        pw.flush();
    }
}
