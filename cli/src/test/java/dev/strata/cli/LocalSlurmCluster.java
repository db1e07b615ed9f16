package dev.strata.cli;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Assumptions;

/**
 * A single-node Slurm cluster on loopback for tests, from Debian's slurm-wlm and munge: munged with its own key and
 * socket, {@code slurmctld -D} and {@code slurmd -D} (node {@code localhost}, 2 CPUs, partition {@code debug}) with
 * their own config, free ports, state and logs, all under one folder and started as child processes. No
 * accounting database: the end states of jobs go to a job completion log ({@code jobcomp/filetxt}), which
 * {@code strata submit --status} reads when {@code sacct} has none. No cgroups are needed
 * ({@code proctrack/linuxproc}, {@code task/none}). If anything is missing or does not start, the test is aborted
 * (a visible skip) with the reason. {@link #close()} cancels every job and stops the daemons.
 */
final class LocalSlurmCluster implements AutoCloseable {
    private static final List<String> DAEMONS = List.of("munged", "slurmctld", "slurmd");
    private static final List<String> CLIENTS = List.of("sbatch", "squeue", "scancel", "sinfo", "scontrol");

    private final Path dir;
    /** munged's key, socket and logs: a folder of its own in the system's temp folder, open to all as munged wants. */
    private final Path munge;
    private final List<Process> daemons = new ArrayList<>();
    private final Thread stopOnExit = new Thread(this::stopDaemons);

    private LocalSlurmCluster(Path dir, Path munge) {
        this.dir = dir;
        this.munge = munge;
    }

    /** Starts the cluster in {@code dir}, or aborts the test saying why it cannot. */
    static LocalSlurmCluster start(Path dir) throws IOException, InterruptedException {
        List<String> missing = new ArrayList<>();
        for (String c : concat(DAEMONS, CLIENTS)) {
            if (binary(c) == null) {
                missing.add(c);
            }
        }
        Assumptions.assumeTrue(missing.isEmpty(), () -> "no Slurm here (" + String.join(", ", missing) + " not"
                + " installed); Debian: apt-get install slurm-wlm munge (.ci/run does it)");
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), () -> "the single-node Slurm cluster"
                + " runs its daemons as root, and this test runs as " + System.getProperty("user.name"));
        Files.createDirectories(dir);
        Path munge = Files.createTempDirectory("strata-munge-");
        LocalSlurmCluster c = new LocalSlurmCluster(dir, munge);
        Runtime.getRuntime().addShutdownHook(c.stopOnExit);
        try {
            c.startDaemons();
        } catch (IOException | InterruptedException | RuntimeException e) {
            c.close();
            throw e;
        }
        return c;
    }

    /** The environment a Slurm client (or {@code strata submit}) needs to reach this cluster. */
    Map<String, String> environment() {
        return Map.of("SLURM_CONF", dir.resolve("slurm.conf").toString());
    }

    /** Runs a Slurm client command against this cluster and returns what it printed; fails on a non-zero exit. */
    String run(String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(environment());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }

    /** Waits (at most {@code seconds}) until no job is left in the queue. */
    void awaitEmptyQueue(int seconds) throws IOException, InterruptedException {
        await(seconds, () -> query("squeue", "--noheader").isBlank(), "the queue to drain");
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            if (daemons.size() == DAEMONS.size() && daemons.stream().allMatch(Process::isAlive)) {
                run("scancel", "--partition=debug");
                awaitEmptyQueue(30);
            }
        } finally {
            stopDaemons();
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
            try (var files = Files.list(munge)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(munge);
        }
    }

    private void startDaemons() throws IOException, InterruptedException {
        Files.setPosixFilePermissions(munge, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createDirectories(dir.resolve("state"));
        Files.createDirectories(dir.resolve("spool"));
        byte[] key = new byte[1024];
        new SecureRandom().nextBytes(key);
        Path keyFile = Files.write(munge.resolve("munge.key"), key);
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("r--------"));
        Path socket = munge.resolve("munge.socket");
        daemon("munged", binary("munged"), "--foreground", "--socket=" + socket, "--key-file=" + keyFile,
                "--pid-file=" + munge.resolve("munged.pid"), "--seed-file=" + munge.resolve("munged.seed"),
                "--log-file=" + munge.resolve("munged.log"));
        await(10, () -> Files.exists(socket), "munged's socket");
        Files.writeString(dir.resolve("slurm.conf"), config(socket, freePort(), freePort()));
        String conf = dir.resolve("slurm.conf").toString();
        daemon("slurmctld", binary("slurmctld"), "-D", "-i", "-f", conf);
        daemon("slurmd", binary("slurmd"), "-D", "-N", "localhost", "-f", conf);
        await(30, () -> query("sinfo", "--noheader", "--format=%T").strip().equals("idle"), "the node to be idle");
    }

    private String config(Path mungeSocket, int ctldPort, int slurmdPort) {
        return String.join("\n",
                "ClusterName=strata-test",
                "SlurmctldHost=localhost(127.0.0.1)",
                "SlurmctldPort=" + ctldPort,
                "SlurmdPort=" + slurmdPort,
                "SlurmUser=root",
                "SlurmdUser=root",
                "AuthType=auth/munge",
                "AuthInfo=socket=" + mungeSocket,
                "CredType=cred/munge",
                "StateSaveLocation=" + dir.resolve("state"),
                "SlurmdSpoolDir=" + dir.resolve("spool"),
                "SlurmctldPidFile=" + dir.resolve("slurmctld.pid"),
                "SlurmdPidFile=" + dir.resolve("slurmd.pid"),
                "SlurmctldLogFile=" + dir.resolve("slurmctld.log"),
                "SlurmdLogFile=" + dir.resolve("slurmd.log"),
                "ProctrackType=proctrack/linuxproc",
                "TaskPlugin=task/none",
                "SelectType=select/cons_tres",
                "SelectTypeParameters=CR_CPU",
                "JobAcctGatherType=jobacct_gather/none",
                "AccountingStorageType=accounting_storage/none",
                "JobCompType=jobcomp/filetxt",
                "JobCompLoc=" + dir.resolve("jobcomp.txt"),
                "MpiDefault=none",
                "ReturnToService=2",
                "NodeName=localhost NodeAddr=127.0.0.1 CPUs=2 State=UNKNOWN",
                "PartitionName=debug Nodes=localhost Default=YES MaxTime=INFINITE State=UP") + "\n";
    }

    private void daemon(String name, String... command) throws IOException {
        Path out = (name.equals("munged") ? munge : dir).resolve(name + ".out");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        daemons.add(p);
    }

    /** Waits for {@code ready}; aborts the test with the daemons' last words if it does not come in time. */
    private void await(int seconds, BooleanSupplier ready, String what) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!ready.getAsBoolean()) {
            if (System.nanoTime() > deadline || daemons.stream().anyMatch(p -> !p.isAlive())) {
                Assumptions.abort("the single-node Slurm cluster did not start (waited for " + what + "): "
                        + lastWords());
            }
            Thread.sleep(200);
        }
    }

    private String query(String... command) {
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            pb.environment().putAll(environment());
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes());
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private String lastWords() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (String name : DAEMONS) {
            Path out = (name.equals("munged") ? munge : dir).resolve(name + ".out");
            List<String> lines = Files.exists(out) ? Files.readAllLines(out) : List.of();
            sb.append(name).append(": ").append(String.join(" | ", lines.subList(Math.max(0, lines.size() - 3),
                    lines.size()))).append("; ");
        }
        return sb.toString();
    }

    /** Stops slurmd, slurmctld and munged, in that order, by their process handles. */
    private void stopDaemons() {
        for (int i = daemons.size() - 1; i >= 0; i--) {
            Process p = daemons.get(i);
            p.destroy();
            try {
                if (!p.waitFor(10, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** The path of {@code name} on the PATH or in /usr/sbin and /sbin, or null. */
    private static String binary(String name) {
        List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(":")));
        dirs.addAll(List.of("/usr/sbin", "/sbin"));
        for (String d : dirs) {
            Path p = Path.of(d.isEmpty() ? "." : d, name);
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        return null;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
