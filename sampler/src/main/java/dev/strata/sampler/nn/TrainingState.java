package dev.strata.sampler.nn;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Everything a {@link ScoreMatchingTrainer} run needs to continue after step {@code step}: the weights, the EMA
 * weights and AdamW's moments (float arrays in the network's parameter order), and the loss of every step so far. The
 * random state is the step itself: step k draws from a generator seeded by (seed, k), so nothing else is stored.
 * {@link #write} replaces the file atomically (temporary file, then rename), so a process killed at any moment leaves
 * either the previous state or this one.
 *
 * @param fingerprint the settings and training data the state belongs to; a resume with others is refused
 * @param step        steps done
 * @param probeSha256 SHA-256 of the EMA weights after {@link ScoreMatchingTrainer#PROBE_STEP} steps, or "" before
 * @param weights     the parameters
 * @param ema         the EMA of the parameters
 * @param moments     AdamW's (m, v) per trainable parameter
 * @param losses      the loss of each of the {@code step} steps
 */
record TrainingState(String fingerprint, int step, String probeSha256, float[][] weights, float[][] ema, float[][] moments,
                     float[] losses) {
    static final String MAGIC = "strata-training-state/2";

    void write(Path file) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(MAGIC);
            out.writeUTF(fingerprint);
            out.writeInt(step);
            out.writeUTF(probeSha256);
            writeArrays(out, weights);
            writeArrays(out, ema);
            writeArrays(out, moments);
            writeArrays(out, new float[][] {losses});
        }
        DenoiserCheckpoint.atomicWrite(file, bytes.toByteArray());
    }

    static TrainingState read(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(Files.readAllBytes(file)))) {
            String magic = in.readUTF();
            if (!MAGIC.equals(magic)) {
                throw new IOException(file + " is not a " + MAGIC + " file (it starts with '" + magic + "')");
            }
            return new TrainingState(in.readUTF(), in.readInt(), in.readUTF(), readArrays(in), readArrays(in), readArrays(in),
                    readArrays(in)[0]);
        }
    }

    private static void writeArrays(DataOutputStream out, float[][] arrays) throws IOException {
        out.writeInt(arrays.length);
        for (float[] a : arrays) {
            out.writeInt(a.length);
            for (float v : a) {
                out.writeFloat(v);
            }
        }
    }

    private static float[][] readArrays(DataInputStream in) throws IOException {
        float[][] arrays = new float[in.readInt()][];
        for (int k = 0; k < arrays.length; k++) {
            arrays[k] = new float[in.readInt()];
            for (int i = 0; i < arrays[k].length; i++) {
                arrays[k][i] = in.readFloat();
            }
        }
        return arrays;
    }
}
