package dev.strata.cli.submit;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;

/** What {@code strata submit} asks of Slurm; {@link SlurmCommands} asks the real one through its commands. */
public interface Slurm {
    /** Submits {@code script} as the array {@code array} ({@code sbatch --array}) and returns the job id. */
    String submit(Path script, String array);

    /** The tasks of {@code jobIds} still in the queue, as {@code JOB_TASK} to state (PENDING, RUNNING, ...). */
    Map<String, String> queued(Collection<String> jobIds);

    /**
     * The end states of the finished tasks of {@code jobIds} (COMPLETED, FAILED, CANCELLED, TIMEOUT, OUT_OF_MEMORY,
     * NODE_FAIL, ...), from whatever record the cluster keeps; none without one.
     */
    EndStates finished(Collection<String> jobIds);

    /**
     * End states of finished tasks.
     *
     * @param states {@code JOB_TASK} to state
     * @param source where they come from, in words ({@code sacct}, the job completion log, or why there is none)
     */
    record EndStates(Map<String, String> states, String source) {
        public EndStates {
            states = Map.copyOf(states);
        }
    }
}
