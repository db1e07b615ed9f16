package dev.strata.cli.submit;

import dev.strata.cli.UserInputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A Slurm for tests: answers from maps, records what is submitted, or refuses every submission when told to. */
final class ScriptedSlurm implements Slurm {
    final Map<String, String> queued = new HashMap<>();
    final Map<String, String> ended = new HashMap<>();
    final List<String> submitted = new ArrayList<>();
    boolean refuse;

    @Override
    public String submit(Path script, String array) {
        if (refuse) {
            throw new UserInputException("sbatch refused the job: invalid partition specified");
        }
        submitted.add(array);
        return Integer.toString(100 + submitted.size());
    }

    @Override
    public Map<String, String> queued(Collection<String> jobIds) {
        return queued;
    }

    @Override
    public EndStates finished(Collection<String> jobIds) {
        return new EndStates(ended, "a test");
    }
}
