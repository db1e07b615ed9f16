package dev.strata.cli;

import dev.strata.forward.geology.Channel;
import dev.strata.forward.geology.SectionGrid;
import dev.strata.io.Colormap;
import dev.strata.io.FieldPlot;
import dev.strata.io.Panel;
import dev.strata.io.ValueRange;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A PNG of models {@code [n][C][nz][nx]}: groups of models (e.g. training models, or held-out models and prior
 * samples), each model's channels side by side, one colour range per channel: that of the first group (the
 * reference), shared by every group so that samples are seen on the scale of the models they imitate.
 */
final class ModelPicture {
    private ModelPicture() {
    }

    /** One group of models and the label of its panels. */
    record Group(String label, float[] models, int count) {
    }

    static void write(Path png, String title, List<Channel> channels, SectionGrid g, List<Group> groups)
            throws IOException {
        int c = channels.size();
        List<ValueRange> ranges = new ArrayList<>();
        for (int k = 0; k < c; k++) {
            List<float[]> fields = new ArrayList<>();
            Group reference = groups.getFirst();
            for (int b = 0; b < reference.count(); b++) {
                fields.add(field(reference.models(), b, k, c, g));
            }
            ranges.add(ValueRange.of(fields.toArray(float[][]::new)));
        }
        List<Panel> panels = new ArrayList<>();
        for (Group group : groups) {
            for (int b = 0; b < group.count(); b++) {
                for (int k = 0; k < c; k++) {
                    Channel ch = channels.get(k);
                    panels.add(Panel.of((group.label().isEmpty() ? "" : group.label() + " ") + "#" + b + " " + ch.name() + " [" + ch.unit() + "]",
                            field(group.models(), b, k, c, g), g.nz(), g.nx(), Colormap.VIRIDIS)
                            .withRange(ranges.get(k)));
                }
            }
        }
        int columns = c == 1 ? 4 : 2 * c;
        new FieldPlot(FieldPlot.Options.defaults().withColumns(columns).withPixelsPerCell(g.nx() > 200 ? 1 : 3))
                .write(png, title, panels);
    }

    private static float[] field(float[] models, int b, int k, int channels, SectionGrid g) {
        float[] f = new float[g.cells()];
        System.arraycopy(models, (b * channels + k) * g.cells(), f, 0, g.cells());
        return f;
    }
}
