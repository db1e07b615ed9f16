package dev.strata.cli;

import dev.strata.kernels.ComputeBackend;
import dev.strata.kernels.ComputeBackends;
import picocli.CommandLine.Option;

/** The {@code --backend} option shared by commands that run kernels. */
final class BackendOption {
    @Option(names = "--backend", defaultValue = "jvm", paramLabel = "NAME[:DEVICE]",
            description = "Compute backend: jvm (default) or tornadovm[:device index]; see 'strata devices'.")
    String spec;

    ComputeBackend open() {
        return ComputeBackends.open(spec);
    }
}
