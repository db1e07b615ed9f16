package dev.strata.cli;

import dev.strata.sampler.ProgressListener;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A progress bar with ETA on a terminal; silent when output is not a terminal (pipes, CI, log files). */
final class Progress implements ProgressListener, AutoCloseable {
    private final ProgressBar bar;

    Progress(String task, int total) {
        this.bar = System.console() != null && System.console().isTerminal()
                ? new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
                        .setStyle(ProgressBarStyle.ASCII).continuousUpdate().build()
                : null;
    }

    @Override
    public void stepDone(int done, int total) {
        if (bar != null) {
            bar.maxHint(total);
            bar.stepTo(done);
        }
    }

    /** Shows {@code text} after the bar (e.g. the current loss). */
    void message(String text) {
        if (bar != null) {
            bar.setExtraMessage(text);
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
