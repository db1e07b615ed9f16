package dev.strata.cli;

import dev.strata.cli.invert.InvertSettings;
import dev.strata.cli.submit.BenchTasks;
import dev.strata.cli.submit.InvertTasks;
import dev.strata.cli.submit.Launcher;
import dev.strata.cli.submit.SlurmCommands;
import dev.strata.cli.submit.SlurmOptions;
import dev.strata.cli.submit.SubmitRun;
import dev.strata.cli.submit.TaskPlan;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code strata submit}: an invert run or a bench matrix as one Slurm job array; its status; its resubmission. */
@Command(name = "submit", mixinStandardHelpOptions = true,
        description = "Run on a Slurm cluster, one JVM per array task: 'strata submit --slurm --out RUN -- invert"
                + " ARGS' splits the run into --tasks shares (task K runs strata invert ARGS --shard K/N --out"
                + " RUN/task-K); 'strata submit --slurm --out RUN --matrix backend=jvm,tornadovm --matrix n=256,512 --"
                + " bench ARGS' runs one bench per cell of the matrix into RUN/task-K.jsonl. Writes the sbatch script"
                + " RUN/submit.sbatch (logs RUN/logs/%%x-%%A_%%a.out) and submits it; --dry-run prints it and submits"
                + " nothing. 'strata submit --status --out RUN' prints, from the tasks' files, squeue and sacct (or"
                + " the job completion log), one line per unfinished task with its state and log; 'strata submit"
                + " --resume --out RUN' resubmits only the tasks that ended without their complete output (FAILED,"
                + " TIMEOUT, OUT_OF_MEMORY, NODE_FAIL, CANCELLED). Then: strata merge --out RUN RUN/task-*.")
final class SubmitCommand implements Callable<Integer> {

    @Option(names = "--slurm", description = "Submit to Slurm (the only scheduler so far, and so the default).")
    boolean slurm;

    @Option(names = "--out", defaultValue = "strata-out/submit", paramLabel = "RUN",
            description = "The run folder: script, logs/, task outputs, submit.json (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--tasks", paramLabel = "N",
            description = "invert: number of shares, one array task each (default: one per batch, at most that).")
    Integer tasks;

    @Option(names = "--matrix", paramLabel = "KEY=V1,V2",
            description = "bench: an axis of the matrix, a bench option without its dashes and its values; repeat for"
                    + " more axes; one task per cell (the first axis varies slowest).")
    List<String> matrix = new ArrayList<>();

    @Option(names = "--array-max", defaultValue = "0", paramLabel = "M",
            description = "Most tasks running at once (sbatch --array=...%%M; default: no limit).")
    int arrayMax;

    @Option(names = "--partition", defaultValue = "", paramLabel = "P", description = "Slurm partition of the tasks.")
    String partition;

    @Option(names = "--time", defaultValue = "", paramLabel = "T",
            description = "Time limit of one task, as sbatch takes it (e.g. 30:00, 1-00:00:00).")
    String time;

    @Option(names = "--gpus-per-task", defaultValue = "0", paramLabel = "G",
            description = "GPUs per task: Slurm binds them and sets CUDA_VISIBLE_DEVICES, so each task's own first"
                    + " GPU is its device 0; an invert run with a network prior gets --device gpu:0.")
    int gpusPerTask;

    @Option(names = "--cpus-per-task", defaultValue = "0", paramLabel = "C", description = "CPUs per task.")
    int cpusPerTask;

    @Option(names = "--mem", defaultValue = "", paramLabel = "SIZE", description = "Memory per task (e.g. 8G).")
    String mem;

    @Option(names = "--launcher", paramLabel = "PATH",
            description = "What starts strata in a task, e.g. the strata script at the repository root (default: this"
                    + " JVM's command line, so the tasks run the build that submitted them).")
    Path launcher;

    @Option(names = "--dry-run", description = "Print the script (or, with --resume, what would be resubmitted) and"
            + " submit nothing.")
    boolean dryRun;

    @Option(names = "--status", description = "Print the state of every unfinished task of the run in --out.")
    boolean status;

    @Option(names = "--resume", description = "Resubmit the tasks of the run in --out that ended unfinished.")
    boolean resume;

    @Parameters(paramLabel = "COMMAND", description = "After --: invert ARGS... or bench ARGS...")
    List<String> command = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        if ((status || resume) && !command.isEmpty()) {
            throw new UserInputException("--status and --resume act on the run in --out and take no command; fix:"
                    + " strata submit --status --out RUN");
        }
        if (status && resume) {
            throw new UserInputException("give one of --status and --resume; fix: see the state first with --status");
        }
        if (status) {
            SubmitRun.status(out, new SlurmCommands(), stdout);
        } else if (resume) {
            SubmitRun.resume(out, dryRun, new SlurmCommands(), stdout);
        } else {
            SlurmOptions options = new SlurmOptions(partition, time, gpusPerTask, cpusPerTask, mem, arrayMax);
            SubmitRun.submit(plan(), out, Path.of(""), options, Launcher.of(launcher, Main.class.getName()),
                    dryRun, new SlurmCommands(), stdout);
        }
        return ExitCodes.OK;
    }

    private TaskPlan plan() {
        if (command.isEmpty()) {
            throw new UserInputException("nothing to submit; fix: strata submit --slurm --out RUN -- invert ARGS"
                    + " (or -- bench ARGS), or --status / --resume --out RUN");
        }
        List<String> args = command.subList(1, command.size());
        return switch (command.getFirst()) {
            case "invert" -> invertPlan(args);
            case "bench" -> benchPlan(args);
            default -> throw new UserInputException("strata submit runs invert or bench tasks, not '"
                    + command.getFirst() + "'; fix: strata submit --slurm --out RUN -- invert ARGS");
        };
    }

    private TaskPlan invertPlan(List<String> args) {
        if (!matrix.isEmpty()) {
            throw new UserInputException("--matrix is for bench matrices; fix: split an invert run with --tasks N");
        }
        InvertCommand invert = InvertCommand.parse(args);
        refuse(invert, "--out", "each task writes RUN/task-K; fix: give the run folder to submit, before the --:"
                + " strata submit --out RUN -- invert ...");
        refuse(invert, "--shard", "each task's share is its array index; fix: set the number of shares with"
                + " strata submit --tasks N");
        refuse(invert, "--resume", "fix: resubmit unfinished tasks with strata submit --resume --out RUN");
        InvertSettings s = invert.settings();
        for (String file : new String[] {s.data(), s.truth()}) {
            if (!file.isEmpty() && !file.startsWith("builtin:") && !Files.isRegularFile(Path.of(file))) {
                throw new UserInputException("invert: " + file + " does not exist; fix: check the path (the tasks"
                        + " read it from the cluster's shared file system)");
            }
        }
        long batches = InvertSettings.batchCount(s.samples(), s.batch());
        int n = tasks == null ? (int) Math.min(batches, Integer.MAX_VALUE) : tasks;
        if (n < 1 || n > batches) {
            throw new UserInputException("--tasks " + n + ": the run has " + batches + " batch(es) (--samples "
                    + s.samples() + ", --batch " + s.batch() + ") and each task draws whole batches; fix: --tasks 1"
                    + " to " + batches + ", or a smaller --batch");
        }
        List<String> taskArgs = new ArrayList<>(args);
        if (gpusPerTask > 0 && s.prior().startsWith("network:")) {
            if (!invert.given("--device")) {
                taskArgs.addAll(List.of("--device", "gpu:0"));
            } else if (!s.device().equals("gpu") && !s.device().equals("gpu:0") && !s.device().equals("cpu")) {
                throw new UserInputException("--device " + s.device() + " with --gpus-per-task: each task sees only its"
                        + " own GPUs, numbered from 0 (Slurm sets CUDA_VISIBLE_DEVICES); fix: --device gpu:0");
            }
        }
        return new InvertTasks(taskArgs, n);
    }

    private TaskPlan benchPlan(List<String> args) {
        if (tasks != null) {
            throw new UserInputException("--tasks is for invert runs; fix: a bench matrix has one task per cell of"
                    + " --matrix KEY=V1,V2");
        }
        List<String> common = args.stream().filter(a -> !a.equals("--json")).toList();
        BenchTasks plan = new BenchTasks(common, BenchTasks.cells(matrix));
        for (int k = 0; k < plan.tasks(); k++) {
            List<String> all = new ArrayList<>(common);
            all.addAll(plan.cells().get(k));
            all.add("--json");
            try {
                new CommandLine(new BenchCommand()).parseArgs(all.toArray(String[]::new));
            } catch (CommandLine.ParameterException e) {
                throw new UserInputException("bench task " + k + " (" + plan.label(k) + "): " + e.getMessage()
                        + "; fix: use the options of 'strata bench --help', each once (a --matrix axis replaces"
                        + " the option)", e);
            }
        }
        return plan;
    }

    private static void refuse(InvertCommand invert, String option, String why) {
        if (invert.given(option)) {
            throw new UserInputException("invert " + option + " is set by strata submit: " + why);
        }
    }
}
