package dev.strata.cli.submit;

import dev.strata.cli.UserInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link Slurm} through its commands on the PATH ({@code sbatch}, {@code squeue}, {@code sacct}, {@code scontrol};
 * {@code SLURM_CONF} chooses the cluster as for any Slurm command). End states come from {@code sacct} where the
 * cluster keeps accounting (slurmdbd); else from the job completion log when the cluster writes one
 * ({@code JobCompType=jobcomp/filetxt}, its path from {@code scontrol show config}); else there are none, and a task
 * that left the queue unfinished is known only by its files.
 */
public final class SlurmCommands implements Slurm {
    private static final long TIMEOUT_SECONDS = 60;
    private static final Pattern STATE = Pattern.compile("\\bJobState=(\\S+)");
    private static final Pattern ARRAY_JOB = Pattern.compile("\\bArrayJobId=(\\d+)");
    private static final Pattern ARRAY_TASK = Pattern.compile("\\bArrayTaskId=(\\d+)");

    /** What a command printed and how it ended. */
    private record Result(int code, String out, String err) {
        String firstErrorLine() {
            String text = err.isBlank() ? out : err;
            return text.strip().lines().findFirst().orElse("exit code " + code);
        }
    }

    @Override
    public String submit(Path script, String array) {
        Result r = run(List.of("sbatch", "--parsable", "--array=" + array, script.toString()));
        if (r.code() != 0) {
            throw new UserInputException("sbatch refused the job: " + r.firstErrorLine() + "; fix: check --partition,"
                    + " --time and the other Slurm options (strata submit --dry-run prints the script)");
        }
        return r.out().strip().split(";", 2)[0];
    }

    @Override
    public Map<String, String> queued(Collection<String> jobIds) {
        Result r = run(List.of("squeue", "--noheader", "--array", "--user=" + System.getProperty("user.name"),
                "--format=%i|%T"));
        if (r.code() != 0) {
            throw new UserInputException("squeue failed: " + r.firstErrorLine() + "; fix: check that Slurm answers"
                    + " (sinfo) and try again");
        }
        return only(parseStates(r.out()), jobIds);
    }

    @Override
    public EndStates finished(Collection<String> jobIds) {
        Result sacct = run(List.of("sacct", "--noheader", "--parsable2", "--allocations", "--jobs="
                + String.join(",", jobIds), "--format=JobID,State"));
        if (sacct.code() == 0) {
            return new EndStates(only(parseStates(sacct.out()), jobIds), "sacct");
        }
        Result config = run(List.of("scontrol", "show", "config"));
        String type = configValue(config.out(), "JobCompType");
        String loc = configValue(config.out(), "JobCompLoc");
        if (type.endsWith("filetxt") && !loc.isEmpty() && Files.isReadable(Path.of(loc))) {
            try {
                return new EndStates(only(parseJobCompletions(Files.readAllLines(Path.of(loc))), jobIds),
                        "the job completion log " + loc + " (sacct: " + sacct.firstErrorLine() + ")");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the job completion log " + loc + ": " + e.getMessage(), e);
            }
        }
        return new EndStates(Map.of(), "no job accounting (sacct: " + sacct.firstErrorLine() + "; no readable"
                + " jobcomp/filetxt log)");
    }

    /** {@code JOB_TASK|STATE} lines of squeue or sacct as a map; ranges of pending tasks ({@code 12_[1-3]}) are left out. */
    static Map<String, String> parseStates(String text) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String line : text.strip().lines().toList()) {
            String[] f = line.strip().split("\\|", 2);
            if (f.length == 2 && !f[0].contains("[") && !f[1].isBlank()) {
                m.put(f[0], f[1].strip().split("\\s+")[0]); // "CANCELLED by 0" is CANCELLED
            }
        }
        return m;
    }

    /** The end states of array tasks in the lines of a jobcomp/filetxt log; a later line wins (a requeued task). */
    static Map<String, String> parseJobCompletions(List<String> lines) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String line : lines) {
            Matcher state = STATE.matcher(line);
            Matcher job = ARRAY_JOB.matcher(line);
            Matcher task = ARRAY_TASK.matcher(line);
            if (state.find() && job.find() && task.find()) {
                m.put(job.group(1) + "_" + task.group(1), state.group(1));
            }
        }
        return m;
    }

    /** The value of {@code key} in the output of {@code scontrol show config}, or empty. */
    static String configValue(String text, String key) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(key) + "\\s*=\\s*(.*?)\\s*$").matcher(text);
        return m.find() ? m.group(1) : "";
    }

    private static Map<String, String> only(Map<String, String> states, Collection<String> jobIds) {
        Map<String, String> m = new LinkedHashMap<>();
        states.forEach((k, v) -> {
            if (jobIds.contains(k.split("_", 2)[0])) {
                m.put(k, v);
            }
        });
        return m;
    }

    private static Result run(List<String> command) {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .start();
        } catch (IOException e) {
            throw new UserInputException(command.getFirst() + " is not on the PATH, so this machine cannot reach a"
                    + " Slurm cluster; fix: run strata submit on the cluster's login node (strata submit --dry-run"
                    + " prints the script anywhere)", e);
        }
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> text(p.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> text(p.getErrorStream()));
        try {
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new UserInputException(command.getFirst() + " did not answer within " + TIMEOUT_SECONDS
                        + " s; fix: check that Slurm answers (sinfo) and try again");
            }
            return new Result(p.exitValue(), out.join(), err.join());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new UserInputException("interrupted while waiting for " + command.getFirst(), e);
        }
    }

    private static String text(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
