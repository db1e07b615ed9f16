package dev.strata.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A posterior sample store: a folder holding {@value #MANIFEST} (what was run: the full settings, flat name/value
 * text) and {@code shards/}, one HDF5 file per block of samples with global indices {@code [first, first + count)}.
 * Each shard is written to a temporary name and renamed into place, so a shard file is either complete or absent:
 * a run killed at any moment loses at most the block it was drawing, and a resumed run draws only the blocks that
 * are missing. Shards of runs on many nodes (different blocks, the same manifest) can be copied into one folder.
 *
 * <p>Shard layout: {@code samples [count][C][nz][nx]} (physical units), {@code misfit [count][T]} (RMS whitened
 * residual per data type), {@code wrmse [count][T][steps]} (its trace over the reverse steps), root attributes as
 * text (seconds per phase, backend, ...).
 */
public final class SampleStore {
    /** The manifest's file name. */
    public static final String MANIFEST = "manifest.json";
    private static final Pattern SHARD = Pattern.compile("samples-(\\d{9})-(\\d{9})\\.h5");

    private final Path dir;
    private final Map<String, String> manifest;

    private SampleStore(Path dir, Map<String, String> manifest) {
        this.dir = dir;
        this.manifest = Map.copyOf(manifest);
    }

    /** One shard file: samples {@code [first, first + count)}. */
    public record Shard(long first, int count, Path file) {
        public long end() {
            return first + count;
        }
    }

    /** The content of one shard. */
    public record ShardContent(long first, FloatDataset samples, FloatDataset misfit, FloatDataset wrmse,
                               Map<String, String> attributes) {
        public int count() {
            return samples.shape()[0];
        }
    }

    /**
     * Creates a store in {@code dir} (created if missing) with its manifest.
     *
     * @throws IOException if {@code dir} already holds a store or other files, or cannot be written
     */
    public static SampleStore create(Path dir, Map<String, String> manifest) throws IOException {
        Path d = dir.toAbsolutePath().normalize();
        if (Files.exists(d.resolve(MANIFEST))) {
            throw new IOException("output folder " + d + " already holds a run; fix: add --resume to continue it,"
                    + " or choose another --out");
        }
        Files.createDirectories(d.resolve("shards"));
        AtomicFiles.writeText(d.resolve(MANIFEST), "run manifest", Json.object(new LinkedHashMap<>(manifest)) + "\n");
        return new SampleStore(d, manifest);
    }

    /**
     * Opens the store in {@code dir}.
     *
     * @throws IOException if there is no readable manifest
     */
    public static SampleStore open(Path dir) throws IOException {
        Path d = dir.toAbsolutePath().normalize();
        Path m = d.resolve(MANIFEST);
        if (!Files.isRegularFile(m)) {
            throw new IOException("no run to resume in " + d + " (no " + MANIFEST + "); fix: run without --resume,"
                    + " or point --out at the folder of the interrupted run");
        }
        return new SampleStore(d, ConfigText.read(m));
    }

    public Path dir() {
        return dir;
    }

    /** The run's settings as written at creation. */
    public Map<String, String> manifest() {
        return manifest;
    }

    /** The complete shards present, by first index. */
    public List<Shard> shards() throws IOException {
        List<Shard> out = new ArrayList<>();
        Path shards = dir.resolve("shards");
        if (!Files.isDirectory(shards)) {
            return out;
        }
        try (Stream<Path> files = Files.list(shards)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Matcher m = SHARD.matcher(f.getFileName().toString());
                if (m.matches()) {
                    long first = Long.parseLong(m.group(1));
                    long end = Long.parseLong(m.group(2));
                    out.add(new Shard(first, (int) (end - first), f));
                }
            }
        }
        out.sort(Comparator.comparingLong(Shard::first));
        return out;
    }

    /** Writes one shard atomically and returns it. */
    public Shard write(ShardContent c) throws IOException {
        long end = c.first() + c.count();
        Path file = dir.resolve("shards").resolve(String.format("samples-%09d-%09d.h5", c.first(), end));
        Hdf5Writer w = new Hdf5Writer()
                .putFloats("samples", c.samples())
                .putFloats("misfit", c.misfit())
                .putFloats("wrmse", c.wrmse())
                .putAttribute("/", "first", Long.toString(c.first()))
                .putAttribute("/", "count", c.count());
        c.attributes().forEach((k, v) -> w.putAttribute("/", k, v));
        w.write(file);
        return new Shard(c.first(), c.count(), file);
    }

    /** Reads one shard back. */
    public ShardContent read(Shard s) throws IOException {
        try (Hdf5Reader in = Hdf5Reader.open(s.file())) {
            Map<String, String> attrs = new LinkedHashMap<>();
            in.attributes("/").forEach((k, v) -> {
                if (v instanceof String str && !k.equals("first") && !k.startsWith("_")) {
                    attrs.put(k, str);
                }
            });
            FloatDataset samples = in.readFloats("samples");
            if (samples.shape()[0] != s.count()) {
                throw new IOException("shard " + s.file() + " holds " + samples.shape()[0] + " samples, its name says "
                        + s.count() + "; fix: delete it and resume the run");
            }
            return new ShardContent(s.first(), samples, in.readFloats("misfit"), in.readFloats("wrmse"), attrs);
        }
    }
}
