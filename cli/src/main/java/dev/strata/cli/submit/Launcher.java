package dev.strata.cli.submit;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The command that starts {@code strata} in each task: by default this very JVM again (its java binary, JVM flags
 * and class path, made absolute), so every task runs the build that submitted it; or a launcher the user names,
 * such as the {@code strata} script at the repository root.
 */
public final class Launcher {
    private Launcher() {
    }

    /** {@code path} as an absolute command, or the command line of this JVM when {@code path} is null. */
    public static List<String> of(Path path, String mainClass) {
        if (path != null) {
            return List.of(path.toAbsolutePath().normalize().toString());
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!a.startsWith("-agentlib:jdwp") && !a.startsWith("-Xrunjdwp")) { // a debugger port per task would clash
                cmd.add(a);
            }
        }
        cmd.add("-cp");
        cmd.add(String.join(File.pathSeparator, Arrays.stream(System.getProperty("java.class.path")
                .split(File.pathSeparator)).filter(e -> !e.isEmpty())
                .map(e -> Path.of(e).toAbsolutePath().normalize().toString()).toList()));
        cmd.add(mainClass);
        return cmd;
    }
}
