package dev.strata.cli;

import dev.strata.forward.geology.Channel;
import dev.strata.forward.geology.SectionGrid;
import dev.strata.io.TrainingSetFile;
import dev.strata.sampler.ProgressListener;
import dev.strata.sampler.mixture.TrainingSet;
import dev.strata.sampler.nn.LearnedPriorCheckpoint;
import dev.strata.sampler.nn.NetworkDenoiser;
import dev.strata.sampler.quality.PriorQuality;
import dev.strata.sampler.quality.PriorSamples;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Judges a freshly trained prior: {@code samples} unguided Heun draws of {@code steps} levels from the network,
 * against the held-out models of its training file ({@link PriorQuality}), and pictures the first few of each.
 */
record PriorQualityCheck(int samples, int steps, long seed) {

    /** Models of each kind in the picture. */
    static final int PICTURED = 4;

    /** The quality of the prior, with {@code png} showing held-out models above prior samples. */
    PriorQuality run(LearnedPriorCheckpoint checkpoint, TrainingSetFile file, HeldOutSplit split, float[] normalised,
                     ProgressListener listener, Path png) throws IOException {
        int[] shape = checkpoint.normalisation().shape();
        float[] drawn;
        try (NetworkDenoiser d = checkpoint.denoiser()) {
            drawn = PriorSamples.draw(d, checkpoint.normalisation(), samples, steps, seed, listener);
        }
        List<Channel> channels = new ArrayList<>();
        for (int c = 0; c < shape[0]; c++) {
            channels.add(new Channel(file.channels().get(c), file.units().get(c)));
        }
        SectionGrid grid = new SectionGrid(shape[1], shape[2], file.dz(), file.dx());
        ModelPicture.write(png, "strata train: held-out models (top) and unguided samples of the prior (bottom)",
                channels, grid, List.of(new ModelPicture.Group("held out", split.heldOut(),
                        Math.min(PICTURED, split.heldOutCount())), new ModelPicture.Group("sample", drawn,
                        Math.min(PICTURED, samples))));
        return PriorQuality.measure(drawn, samples, split.heldOut(), split.heldOutCount(), channels, grid,
                new TrainingSet(shape, normalised, split.trainingCount()), checkpoint.normalisation());
    }
}
