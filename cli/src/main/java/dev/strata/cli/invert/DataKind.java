package dev.strata.cli.invert;

import dev.strata.io.Hdf5Reader;
import dev.strata.io.Hdf5Writer;
import dev.strata.io.Observations;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How to draw one kind of data held in {@code [offset, offset + size)} of a stacked data vector: as {@code sheets}
 * images of {@code rows x columns} (a seismic section: 1 sheet; shot gathers: one per shot) with axes, or, with
 * {@code rows == 0}, as a list of values (well logs, heads).
 *
 * @param name        e.g. seismic, wells, shots, heads
 * @param rowStep     what a row spans (e.g. dz in m, dt in s)
 * @param columnStep  what a column spans (e.g. dx in m, 1 receiver)
 */
public record DataKind(String name, int offset, int size, int sheets, int rows, int columns, double rowStep,
                       double columnStep, String rowLabel, String columnLabel) {

    /** Whether the values form images (else a plain list). */
    public boolean isImage() {
        return rows > 0;
    }

    /** Values of image {@code sheet} of {@code data}, row-major {@code [rows][columns]}. */
    float[] sheet(float[] data, int sheet) {
        int plane = rows * columns;
        return Arrays.copyOfRange(data, offset + sheet * plane, offset + (sheet + 1) * plane);
    }

    /** The kinds of the blocks of an inversion, laid out from its observations. */
    static List<DataKind> of(Observations obs, List<DataBlock> blocks) {
        List<DataKind> out = new ArrayList<>();
        Observations.ModelGrid g = obs.grid();
        for (DataBlock b : blocks) {
            out.add(switch (b.name()) {
                case "seismic" -> new DataKind(b.name(), b.offset(), b.size(), 1, obs.seismic().rows(),
                        obs.seismic().nx(), g.dz(), g.dx(), "depth (m)", "distance (m)");
                case "shots" -> new DataKind(b.name(), b.offset(), b.size(), obs.shots().shots(), obs.shots().nt(),
                        obs.shots().receiverCount(), obs.shots().dt(), 1, "time (s)", "receiver");
                default -> list(b.name(), b.offset(), b.size());
            });
        }
        return out;
    }

    /** The kinds of data in an observation file, stacked in the order seismic, wells, shots, heads. */
    static List<DataKind> of(Observations obs) {
        List<DataBlock> blocks = new ArrayList<>();
        int at = 0;
        for (String name : List.of("seismic", "wells", "shots", "heads")) {
            float[] values = values(obs, name);
            if (values != null && values.length > 0) {
                blocks.add(new DataBlock(name, at, values.length));
                at += values.length;
            }
        }
        return of(obs, blocks);
    }

    /** The data of kind {@code name} in an observation file, or null if it has none. */
    static float[] values(Observations obs, String name) {
        return switch (name) {
            case "seismic" -> obs.seismic() == null ? null : obs.seismic().data();
            case "shots" -> obs.shots() == null ? null : obs.shots().data();
            case "heads" -> obs.heads() == null ? null : obs.heads().heads();
            case "wells" -> {
                int n = obs.wells().stream().mapToInt(w -> w.values().length).sum();
                float[] all = new float[n];
                int at = 0;
                for (Observations.WellLog w : obs.wells()) {
                    System.arraycopy(w.values(), 0, all, at, w.values().length);
                    at += w.values().length;
                }
                yield all;
            }
            default -> null;
        };
    }

    private static DataKind list(String name, int offset, int size) {
        return new DataKind(name, offset, size, 1, 0, 0, 1, 1, "", "");
    }

    private static final String GROUP = "data/kinds/";

    /** Stores this kind as attributes of the group {@code data/kinds/NAME}. */
    void write(Hdf5Writer h5) {
        String p = GROUP + name;
        h5.putGroup(p).putAttribute(p, "offset", offset).putAttribute(p, "size", size)
                .putAttribute(p, "sheets", sheets).putAttribute(p, "rows", rows).putAttribute(p, "columns", columns)
                .putAttribute(p, "row_step", rowStep).putAttribute(p, "column_step", columnStep)
                .putAttribute(p, "row_label", rowLabel).putAttribute(p, "column_label", columnLabel);
    }

    /** The kinds stored by {@link #write}, in file order. */
    static List<DataKind> read(Hdf5Reader in) throws IOException {
        List<DataKind> out = new ArrayList<>();
        for (String name : in.children(GROUP.substring(0, GROUP.length() - 1))) {
            String p = GROUP + name;
            out.add(new DataKind(name, in.intAttribute(p, "offset"), in.intAttribute(p, "size"),
                    in.intAttribute(p, "sheets"), in.intAttribute(p, "rows"), in.intAttribute(p, "columns"),
                    in.doubleAttribute(p, "row_step"), in.doubleAttribute(p, "column_step"),
                    in.stringAttribute(p, "row_label"), in.stringAttribute(p, "column_label")));
        }
        return out;
    }
}
