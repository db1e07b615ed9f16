package dev.strata.cli;

import dev.strata.cli.demo.DemoOutputs;
import dev.strata.cli.demo.SeismicDemo;
import dev.strata.cli.demo.SeismicDemoConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code strata demo}: a small seismic impedance inversion that writes HDF5 results and a picture. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run the built-in demo: invert noisy synthetic seismic for acoustic impedance on an 80 x 100 section,",
                "drawing posterior samples with a diffusion sampler (EDM + DPS). Writes posterior.h5 and posterior.png."})
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--out", defaultValue = "strata-out/demo", description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--samples", defaultValue = "16", description = "Posterior samples (default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--steps", defaultValue = "200", description = "Diffusion steps (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--seed", defaultValue = "2026", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--zeta", defaultValue = "30", description = "DPS step scale (default: ${DEFAULT-VALUE}).")
    double zeta;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        SeismicDemoConfig config = SeismicDemoConfig.defaults().withRun(samples, steps, seed).withZeta(zeta);
        SeismicDemo.Result r;
        try (Progress p = new Progress("sampling", steps)) {
            r = SeismicDemo.run(config, p);
        }
        out.printf("demo: %d posterior samples of %d x %d impedance in %.1f s%n", samples, config.nz(), config.nx(), r.seconds());
        double chiMean = java.util.Arrays.stream(r.chi()).average().orElse(Double.NaN);
        out.printf("data fit: RMS residual / noise std = %.2f (1 = fits to the noise)%n", chiMean);
        double err = 0;
        double spread = 0;
        for (int i = 0; i < r.mean().length; i++) {
            err += Math.pow(r.mean()[i] - r.truth()[i], 2);
            spread += Math.pow(r.std()[i], 2);
        }
        out.printf("posterior mean vs truth: RMS error %.0f; posterior std %.0f; prior std %.0f%n",
                Math.sqrt(err / r.mean().length), Math.sqrt(spread / r.mean().length), config.stdIp());
        for (Path p : DemoOutputs.write(this.out, r)) {
            out.println("wrote " + p.toAbsolutePath().normalize());
        }
        out.flush();
        return ExitCodes.OK;
    }
}
