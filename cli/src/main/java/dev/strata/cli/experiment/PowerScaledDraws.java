package dev.strata.cli.experiment;

import dev.strata.io.AtomicFiles;
import dev.strata.io.Float32;
import dev.strata.kernels.ComputeBackend;
import dev.strata.sampler.ConditionalDenoiser;
import dev.strata.sampler.Denoiser;
import dev.strata.sampler.Guidance;
import dev.strata.sampler.NoiseDrivenSampler;
import dev.strata.sampler.ProgressListener;
import dev.strata.sampler.edm.Churn;
import dev.strata.sampler.edm.EdmSampler;
import dev.strata.sampler.edm.KarrasSchedule;
import dev.strata.sampler.edm.PredictorCorrectorSampler;
import dev.strata.sampler.guidance.PowerScaledDenoiser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Samples of one setting of seed 003's power-scaled posterior from the CFG network (normalised units): the denoiser
 * D_ps = lambda D(x; c) + (alpha - lambda) D(x) + (1 - alpha) x ({@link PowerScaledDenoiser}) driven by EDM Euler
 * steps at alpha = 1, and by the predictor-corrector with {@code correctorSteps} Langevin steps per level otherwise
 * (ODE steps with the alpha = 1 denoiser, Langevin steps with D_ps, as {@code strata validate}'s power-pc rows).
 * Every setting draws from the same seed, so settings differ by their powers, not by their noise.
 */
final class PowerScaledDraws {
    private PowerScaledDraws() {
    }

    /** The sampler of {@code p} over {@code network} conditioned on {@code condition} (normalised). */
    static NoiseDrivenSampler sampler(ConditionalDenoiser network, float[] condition, PowerSetting p,
                                      PowerScalingSettings s, ComputeBackend backend) {
        Denoiser target = new PowerScaledDenoiser(network, condition, p.lambda(), p.alpha());
        KarrasSchedule schedule = KarrasSchedule.edm(s.steps());
        if (!p.corrected()) {
            return new EdmSampler(target, schedule, EdmSampler.Method.EULER, Churn.NONE, Guidance.NONE, backend);
        }
        return new PredictorCorrectorSampler(new PowerScaledDenoiser(network, condition, p.lambda(), 1), target,
                schedule, s.correctorSteps(), PowerScalingSettings.SNR, backend);
    }

    /**
     * The samples {@code [samples][size]} of {@code p} in {@code file} (normalised, little-endian float32): drawn and
     * written now, or, with {@code resume} and the file present, read back.
     */
    static float[] drawOrRead(Path file, ConditionalDenoiser network, float[] condition, PowerSetting p,
                              PowerScalingSettings s, ComputeBackend backend, boolean resume) {
        int expected = s.samples() * network.size();
        try {
            if (resume && Files.isRegularFile(file) && Files.size(file) == 4L * expected) {
                return Float32.decode(Files.readAllBytes(file));
            }
            float[] x = sampler(network, condition, p, s, backend).sample(s.samples(), s.seed(), ProgressListener.NONE);
            byte[] bytes = Float32.encode(x);
            Files.createDirectories(file.getParent());
            AtomicFiles.write(file, "samples of " + p, temp -> Files.write(temp, bytes));
            return x;
        } catch (IOException e) {
            throw new UncheckedIOException("samples of " + p + " in " + file + ": " + e.getMessage(), e);
        }
    }
}
