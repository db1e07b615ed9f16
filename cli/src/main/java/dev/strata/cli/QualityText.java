package dev.strata.cli;

import dev.strata.sampler.quality.ChannelComparison;
import dev.strata.sampler.quality.PriorQuality;
import java.io.PrintWriter;

/** The text lines of a {@link PriorQuality} report. */
final class QualityText {
    private QualityText() {
    }

    static void print(PrintWriter pw, PriorQuality q) {
        pw.printf("prior quality: %d samples against %d held-out models; memorization share %.2f%n", q.samples(),
                q.heldOut(), q.memorization());
        for (ChannelComparison c : q.channels()) {
            pw.printf("  %s: mean difference %.4g, std ratio %.3f, range ratio z %.3f x %.3f, Wasserstein %.4g%n",
                    c.channel(), c.meanDifference(), c.stdRatio(), c.rangeRatioZ(), c.rangeRatioX(),
                    c.wasserstein());
        }
        if (!Double.isNaN(q.heldOutSandProportion())) {
            pw.printf("  sand proportion %.3f (held out %.3f)%n", q.sandProportion(), q.heldOutSandProportion());
        }
    }
}
