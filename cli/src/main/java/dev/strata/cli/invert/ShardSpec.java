package dev.strata.cli.invert;

import dev.strata.cli.UserInputException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which share of a run one process draws ({@code strata invert --shard K/N}): the run's batches (the store's shard
 * files, {@code --batch} samples each, batch b holding samples {@code [b * batch, (b + 1) * batch)}) are dealt out
 * round-robin, batch b to share {@code b mod N}. Shares are numbered from 0, like a Slurm array index, so share K of
 * N draws batches K, K + N, K + 2N, ... Since sample i depends only on (seed, i) and every batch is drawn whole, the
 * union of the N shares is, bit for bit, the run drawn in one process.
 *
 * @param index K, in {@code [0, count)}
 * @param count N, at least 1; {@code 0/1} is the whole run
 */
public record ShardSpec(int index, int count) {
    /** The whole run in one process. */
    public static final ShardSpec WHOLE = new ShardSpec(0, 1);
    private static final Pattern FORM = Pattern.compile("(\\d{1,9})/(\\d{1,9})");

    public ShardSpec {
        if (count < 1 || index < 0 || index >= count) {
            throw new UserInputException("--shard " + index + "/" + count + " is out of range; fix: K/N with N >= 1"
                    + " and 0 <= K < N (shares are numbered from 0, like a Slurm array index)");
        }
    }

    /** Parses {@code K/N}. */
    public static ShardSpec parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new UserInputException("--shard '" + text + "' is not K/N; fix: write e.g. --shard 0/4 (share 0 of"
                    + " 4; shares are numbered from 0)");
        }
        return new ShardSpec(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /** Whether this share draws batch {@code batchIndex} (round-robin). */
    public boolean owns(long batchIndex) {
        return batchIndex % count == index;
    }

    /** True for {@code 0/1}, the whole run. */
    public boolean isWhole() {
        return count == 1;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
