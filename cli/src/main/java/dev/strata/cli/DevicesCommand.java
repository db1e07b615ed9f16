package dev.strata.cli;

import dev.strata.io.Json;
import dev.strata.kernels.ComputeBackendProvider;
import dev.strata.kernels.ComputeBackends;
import dev.strata.kernels.DeviceInfo;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code strata devices}: every backend and device, available or not. */
@Command(name = "devices", mixinStandardHelpOptions = true,
        description = "List every compute backend and device (JVM threads and Vector API; TornadoVM OpenCL/PTX devices).")
final class DevicesCommand implements Callable<Integer> {

    @Option(names = "--json", description = "Print one JSON object per device (backend, device, available, ...).")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        for (ComputeBackendProvider p : ComputeBackends.providers()) {
            for (DeviceInfo d : p.devices()) {
                out.println(json ? Json.object(row(d)) : text(d));
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static Map<String, Object> row(DeviceInfo d) {
        var m = new java.util.LinkedHashMap<String, Object>();
        m.put("backend", d.backend());
        m.put("index", d.index());
        m.put("device", d.device());
        m.put("available", d.available());
        m.putAll(d.properties());
        return m;
    }

    private static String text(DeviceInfo d) {
        StringBuilder sb = new StringBuilder();
        sb.append(d.backend()).append(':').append(d.index()).append("  ").append(d.device())
                .append(d.available() ? "" : "  [unavailable]");
        d.properties().forEach((k, v) -> sb.append("\n    ").append(k).append(": ").append(v));
        return sb.toString();
    }
}
