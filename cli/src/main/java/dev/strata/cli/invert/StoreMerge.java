package dev.strata.cli.invert;

import dev.strata.cli.UserInputException;
import dev.strata.io.AtomicFiles;
import dev.strata.io.SampleStore;
import dev.strata.io.SampleStore.Shard;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code strata merge} of sample stores: the stores of the shares of one run ({@code strata invert --shard K/N})
 * become one store in {@code --out}, the very store the run drawn in one process would have written: its manifest
 * (settings with {@code shard 0/1}), a copy of every shard file, {@code posterior.h5} and the pictures, written by
 * the same code as {@code strata invert}'s ({@link InvertRun#summarise}). Everything is checked ({@link MergePlan})
 * before anything is written.
 */
public final class StoreMerge {
    private StoreMerge() {
    }

    /**
     * @param inputs the stores of the shares, in any order
     * @param out    the merged store's folder: new, or one without a run (e.g. the folder above the shares')
     * @param stdout human-readable lines, or JSON events with {@code json}
     */
    public static void execute(List<Path> inputs, Path out, boolean json, PrintWriter stdout) throws IOException {
        long t0 = System.nanoTime();
        Path target = out.toAbsolutePath().normalize();
        List<SampleStore> stores = new ArrayList<>();
        for (Path in : inputs) {
            SampleStore s = open(in);
            if (stores.stream().anyMatch(o -> o.dir().equals(s.dir()))) {
                throw new UserInputException("store " + s.dir() + " is given twice; fix: name each share's store once");
            }
            if (s.dir().equals(target)) {
                throw new UserInputException("--out " + target + " is one of the stores to merge; fix: write the"
                        + " merged run to another folder, e.g. the one above the shares'");
            }
            stores.add(s);
        }
        if (Files.exists(target.resolve(SampleStore.MANIFEST))) {
            throw new UserInputException("output folder " + target + " already holds a run; fix: choose another"
                    + " --out for the merged run");
        }
        MergePlan plan = MergePlan.of(stores);
        try (InversionSetup setup = InversionSetup.open(plan.settings())) {
            SampleStore merged = InvertRun.create(target, plan.settings(), plan.version());
            try {
                for (Shard s : plan.sources()) {
                    copy(s.file(), merged.dir().resolve("shards").resolve(s.file().getFileName()));
                }
            } catch (IOException | RuntimeException e) {
                removeStore(merged);
                throw e;
            }
            InvertRun.event(stdout, json, "merged", Map.of("stores", stores.size(), "samples",
                    plan.settings().samples(), "out", merged.dir().toString()));
            InvertRun.summarise(setup, merged, t0, json, stdout);
        }
    }

    private static SampleStore open(Path dir) {
        try {
            return SampleStore.open(dir);
        } catch (IOException e) {
            throw new UserInputException(dir.toAbsolutePath().normalize() + " is not a sample store (no "
                    + SampleStore.MANIFEST + "); fix: give the --out folders of the shares, e.g. RUN/task-*", e);
        }
    }

    /** Copies a shard file atomically (complete or absent, like a drawn one), created under the user's umask. */
    private static void copy(Path from, Path to) throws IOException {
        AtomicFiles.write(to, "sample shard", temp -> {
            try (InputStream in = Files.newInputStream(from); OutputStream o = Files.newOutputStream(temp)) {
                in.transferTo(o);
            }
        });
    }

    /** Deletes what a failed merge wrote: the copied shards, then the manifest and the folder if it made it. */
    private static void removeStore(SampleStore store) throws IOException {
        for (Shard s : store.shards()) {
            Files.deleteIfExists(s.file());
        }
        InvertRun.removeIfEmpty(store);
    }
}
