package dev.strata.cli.invert;

import dev.strata.cli.UserInputException;
import dev.strata.io.SampleStore;
import dev.strata.io.SampleStore.Shard;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Which shard files make one run out of the stores of its shares, checked: every store is a share of the same run
 * (manifests equal in every setting but {@code shard}, and in the Strata version), every shard file is one whole
 * batch of that run, and every sample index of {@code [0, samples)} is in exactly one shard file. Anything else is
 * refused with one line that names the stores and samples concerned.
 *
 * @param settings the run's settings as drawn in one process ({@link ShardSpec#WHOLE})
 * @param version  the Strata version of the stores
 * @param sources  the shard files in sample order, covering every sample once
 */
record MergePlan(InvertSettings settings, String version, List<Shard> sources) {
    /** The manifest key of the version. */
    static final String VERSION = "strata_version";
    /** Most ranges of missing samples named in a message. */
    private static final int MAX_RANGES = 4;

    /** Plans the merge of {@code stores}; refuses stores of different runs and missing or duplicated samples. */
    static MergePlan of(List<SampleStore> stores) throws IOException {
        if (stores.isEmpty()) {
            throw new UserInputException("no store to merge; fix: give the --out folders of the shares, e.g."
                    + " strata merge --out RUN RUN/task-*");
        }
        SampleStore first = stores.getFirst();
        Map<String, String> reference = runKeys(first);
        List<ShardSpec> shares = new ArrayList<>();
        for (SampleStore s : stores) {
            Map<String, String> keys = runKeys(s);
            for (Map.Entry<String, String> e : reference.entrySet()) {
                String theirs = keys.get(e.getKey());
                if (!Objects.equals(e.getValue(), theirs)) {
                    throw new UserInputException("store " + s.dir() + " disagrees with " + first.dir() + " on '"
                            + e.getKey() + "' (" + theirs + " vs " + e.getValue() + "): they are not shares of one"
                            + " run; fix: merge only the stores of one run (same data, prior, sampler, settings and"
                            + " Strata version)");
                }
            }
            shares.add(settingsOf(s).shard());
        }
        Map<String, String> whole = new LinkedHashMap<>(reference);
        whole.remove(VERSION);
        whole.put(InvertSettings.SHARD_KEY, ShardSpec.WHOLE.toString());
        InvertSettings settings = InvertSettings.fromMap(whole);
        return new MergePlan(settings, reference.get(VERSION), cover(settings, stores, shares));
    }

    /** The shard files in sample order; refuses a file that is not one batch, a duplicate or a gap. */
    private static List<Shard> cover(InvertSettings run, List<SampleStore> stores, List<ShardSpec> shares)
            throws IOException {
        TreeMap<Long, Shard> byFirst = new TreeMap<>();
        for (SampleStore store : stores) {
            for (Shard s : store.shards()) {
                if (s.first() % run.batch() != 0 || s.first() >= run.samples()
                        || s.count() != run.shardSize(s.first())) {
                    throw new UserInputException("shard file " + s.file() + " holds samples " + range(s.first(),
                            s.end()) + ", not one batch of the run (batches of " + run.batch() + " from sample 0);"
                            + " fix: remove files that do not belong to the run from " + store.dir().resolve("shards"));
                }
                Shard other = byFirst.putIfAbsent(s.first(), s);
                if (other != null) {
                    throw new UserInputException("samples " + range(s.first(), s.end()) + " are in two stores: "
                            + other.file() + " and " + s.file() + "; fix: give each share's store once (not two runs"
                            + " of the same --shard, nor one store twice)");
                }
            }
        }
        List<long[]> gaps = new ArrayList<>();
        List<String> unfinished = new ArrayList<>();
        for (long first = 0, b = 0; first < run.samples(); first += run.batch(), b++) {
            if (byFirst.containsKey(first)) {
                continue;
            }
            long end = first + run.shardSize(first);
            if (!gaps.isEmpty() && gaps.getLast()[1] == first) {
                gaps.getLast()[1] = end;
            } else {
                gaps.add(new long[] {first, end});
            }
            unfinished.add(owner(b, stores, shares));
        }
        if (!gaps.isEmpty()) {
            List<String> ranges = gaps.stream().limit(MAX_RANGES).map(g -> range(g[0], g[1])).toList();
            long count = gaps.stream().mapToLong(g -> g[1] - g[0]).sum();
            throw new UserInputException(count + " of " + run.samples() + " samples are missing (" + String.join(", ",
                    ranges) + (gaps.size() > MAX_RANGES ? ", ..." : "") + "): " + String.join("; ",
                    unfinished.stream().distinct().toList()) + "; fix: finish those shares (strata submit --resume"
                    + " --out RUN, or strata invert --resume --out STORE), then merge again");
        }
        return List.copyOf(byFirst.values());
    }

    /** Which share should have drawn batch {@code b}, and where it is, as words for the message. */
    private static String owner(long b, List<SampleStore> stores, List<ShardSpec> shares) {
        for (int i = 0; i < stores.size(); i++) {
            if (shares.get(i).owns(b)) {
                return "share " + shares.get(i) + " in " + stores.get(i).dir() + " has not finished";
            }
        }
        List<Integer> counts = shares.stream().map(ShardSpec::count).distinct().toList();
        return counts.size() == 1 ? "share " + b % counts.getFirst() + "/" + counts.getFirst()
                + " is not among the stores given" : "no store given draws them";
    }

    /** The manifest of {@code store} less its share, with the version: what every share of one run has in common. */
    private static Map<String, String> runKeys(SampleStore store) {
        Map<String, String> keys = new LinkedHashMap<>(settingsOf(store).toMap());
        keys.remove(InvertSettings.SHARD_KEY);
        keys.put(VERSION, store.manifest().getOrDefault(VERSION, "unknown"));
        return keys;
    }

    private static InvertSettings settingsOf(SampleStore store) {
        try {
            return InvertSettings.fromMap(store.manifest());
        } catch (UserInputException e) {
            throw new UserInputException("store " + store.dir() + ": " + e.getMessage(), e);
        }
    }

    private static String range(long first, long end) {
        return end - first == 1 ? Long.toString(first) : first + "-" + (end - 1);
    }
}
