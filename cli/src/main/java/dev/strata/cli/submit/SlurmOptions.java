package dev.strata.cli.submit;

import dev.strata.cli.UserInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The resources every task of a submitted array asks Slurm for, as {@code #SBATCH} lines; an empty text or 0 leaves
 * the cluster's default.
 *
 * @param partition   {@code --partition}
 * @param time        {@code --time} limit of one task, e.g. {@code 30:00} or {@code 1-00:00:00}
 * @param gpusPerTask {@code --gpus-per-task}: Slurm binds that many GPUs to each task and sets
 *                    {@code CUDA_VISIBLE_DEVICES}, so the task's own first GPU is device 0
 * @param cpusPerTask {@code --cpus-per-task}
 * @param memory      {@code --mem} of one task, e.g. {@code 8G}
 * @param arrayMax    most tasks running at once (the {@code %M} of {@code --array})
 */
public record SlurmOptions(String partition, String time, int gpusPerTask, int cpusPerTask, String memory,
                           int arrayMax) {
    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9_.:,+\\-]*");

    public SlurmOptions {
        word("--partition", partition);
        word("--time", time);
        word("--mem", memory);
        if (gpusPerTask < 0 || cpusPerTask < 0 || arrayMax < 0) {
            throw new UserInputException("--gpus-per-task, --cpus-per-task and --array-max must be >= 1 when given"
                    + " (got " + gpusPerTask + ", " + cpusPerTask + ", " + arrayMax + ")");
        }
    }

    /** The {@code #SBATCH} lines of these options (without the array, job name and log path). */
    List<String> directives() {
        List<String> lines = new ArrayList<>();
        lines.add("#SBATCH --ntasks=1");
        if (!partition.isEmpty()) {
            lines.add("#SBATCH --partition=" + partition);
        }
        if (!time.isEmpty()) {
            lines.add("#SBATCH --time=" + time);
        }
        if (gpusPerTask > 0) {
            lines.add("#SBATCH --gpus-per-task=" + gpusPerTask);
        }
        if (cpusPerTask > 0) {
            lines.add("#SBATCH --cpus-per-task=" + cpusPerTask);
        }
        if (!memory.isEmpty()) {
            lines.add("#SBATCH --mem=" + memory);
        }
        return lines;
    }

    /** The value of {@code sbatch --array} for {@code tasks} (ascending), at most {@code max} at once (0: any). */
    static String array(List<Integer> tasks, int max) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < tasks.size()) {
            int j = i;
            while (j + 1 < tasks.size() && tasks.get(j + 1) == tasks.get(j) + 1) {
                j++;
            }
            sb.append(sb.isEmpty() ? "" : ",").append(tasks.get(i)).append(j > i ? "-" + tasks.get(j) : "");
            i = j + 1;
        }
        return max > 0 ? sb + "%" + max : sb.toString();
    }

    private static void word(String flag, String value) {
        if (!WORD.matcher(value).matches()) {
            throw new UserInputException(flag + " '" + value + "' has characters a Slurm value does not; fix: give"
                    + " it as sbatch takes it, e.g. --time 1:00:00, --mem 8G, --partition gpu");
        }
    }
}
