package dev.strata.cli.experiment;

import dev.strata.io.AtomicFiles;
import dev.strata.sampler.latent.InversionTrace;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An {@link InversionTrace} kept on disk (big-endian: per evaluation the misfit and error rows, then the final fields
 * and unknowns), so that a resumed experiment reuses a finished inversion instead of running it again.
 */
final class TraceFile {
    private TraceFile() {
    }

    static void write(Path file, InversionTrace t) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            rows(out, t.misfit());
            rows(out, t.error());
            floats(out, t.fields());
            floats(out, t.unknowns());
            AtomicFiles.write(file, "inversion trace", temp -> Files.write(temp, bytes.toByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    static InversionTrace read(Path file) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(Files.readAllBytes(file)))) {
            return new InversionTrace(rows(in), rows(in), floats(in), floats(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static void rows(DataOutputStream out, double[][] rows) throws IOException {
        out.writeInt(rows.length);
        for (double[] row : rows) {
            out.writeInt(row.length);
            for (double v : row) {
                out.writeDouble(v);
            }
        }
    }

    private static double[][] rows(DataInputStream in) throws IOException {
        double[][] rows = new double[in.readInt()][];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = new double[in.readInt()];
            for (int i = 0; i < rows[r].length; i++) {
                rows[r][i] = in.readDouble();
            }
        }
        return rows;
    }

    private static void floats(DataOutputStream out, float[] v) throws IOException {
        out.writeInt(v.length);
        for (float x : v) {
            out.writeFloat(x);
        }
    }

    private static float[] floats(DataInputStream in) throws IOException {
        float[] v = new float[in.readInt()];
        for (int i = 0; i < v.length; i++) {
            v[i] = in.readFloat();
        }
        return v;
    }
}
