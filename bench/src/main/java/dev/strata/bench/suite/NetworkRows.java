package dev.strata.bench.suite;

import dev.strata.sampler.nn.NetworkDenoiser;
import dev.strata.sampler.nn.SmallUNet;
import dev.strata.sampler.nn.TorchEngine;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * The network of a reverse step through DJL (PyTorch engine, CPU): the U-Net of {@code strata train}'s defaults on
 * the seismic shape 2 x 80 x 104 with seeded random weights, forward (the denoiser) and forward + input VJP (what
 * DPS guidance needs), per batch size, with PyTorch's intra-op thread count; and, where a Python with torch is at
 * hand, the same network in plain PyTorch ({@link PyTorchTwin}) as the reference: DJL's rows then carry
 * {@code ratioToPytorch}, DJL's seconds over PyTorch's (the hand-over of Java arrays included on DJL's side).
 */
final class NetworkRows {
    static final int[] SHAPE = {2, 80, 104};
    static final SmallUNet.Config NET = new SmallUNet.Config(2, 16, 3, 4, 16, 32);
    /**
     * VJP calls (each a forward and a backward pass) before either is timed: libtorch's first calls at a shape build
     * oneDNN primitives and grow its allocator, work that would otherwise land in whichever is timed first.
     */
    static final int NATIVE_WARM_CALLS = 3;

    private NetworkRows() {
    }

    private static boolean agrees(PyTorchTwin.Result t, Consumer<String> notes) {
        if (!t.agrees()) {
            notes.accept(String.format(java.util.Locale.ROOT, "network rows: no PyTorch reference: the twin's results"
                    + " differ from DJL's by %.2g (D) and %.2g (VJP) of their size, more than %.0g: not the same"
                    + " network", t.forwardError(), t.vjpError(), PyTorchTwin.AGREEMENT));
        }
        return t.agrees();
    }

    static void run(SuiteContext ctx, Consumer<String> notes) throws InterruptedException {
        Optional<String> unavailable = TorchEngine.unavailable();
        if (unavailable.isPresent()) {
            notes.accept("network rows: skipped: the PyTorch engine did not load (" + unavailable.get()
                    + "); they need DJL's pytorch-native-cpu jar on the class path, as the build puts it");
            return;
        }
        try (NetworkDenoiser net = NetworkDenoiser.seededRandom(SHAPE, NET, 7)) {
            for (int batch : ctx.settings().quick() ? new int[] {16} : new int[] {1, 4, 16, 64}) {
                int size = SHAPE[0] * SHAPE[1] * SHAPE[2];
                float[] x = new float[batch * size];
                float[] v = new float[batch * size];
                SplittableRandom r = new SplittableRandom(3);
                for (int i = 0; i < x.length; i++) {
                    x[i] = (float) r.nextGaussian();
                    v[i] = (float) r.nextGaussian();
                }
                for (int warm = 0; warm < NATIVE_WARM_CALLS; warm++) {
                    net.vjp(x, 1.0, v, batch);
                }
                Runnable denoise = () -> net.denoise(x, 1.0, batch);
                Runnable vjpCall = () -> net.vjp(x, 1.0, v, batch);
                // DJL alone first: the twin, once started, stays up for the paired calls
                Timing forward = Timing.of(ctx.settings().repeats(), denoise);
                Timing vjp = Timing.of(ctx.settings().repeats(), vjpCall);
                try (PyTorchTwin.Session twin = PyTorchTwin.start(ctx.settings().python(), net, net.parameters(),
                        new PyTorchTwin.Batch(x, v, 1.0, batch), TorchEngine.threads(), ctx.settings().repeats(),
                        notes).orElse(null)) {
                    emit(ctx, twin != null && agrees(twin.result(), notes) ? twin : null, new Djl(forward, vjp,
                            denoise, vjpCall), batch, (double) batch * size, net.parameterCount());
                }
            }
        }
    }

    /** DJL's timings of one batch and the calls they timed. */
    private record Djl(Timing forward, Timing vjp, Runnable denoise, Runnable vjpCall) {
    }

    /**
     * DJL's forward and VJP rows of one batch, and where {@code twin} is not null the twin's rows beside them, and
     * DJL's ratio to the twin, paired ({@link PyTorchTwin.Session#pairedRatio}).
     */
    private static void emit(SuiteContext ctx, PyTorchTwin.Session twin, Djl djl, int batch, double points,
                             long parameters) {
        int repeats = ctx.settings().repeats();
        Timing forward = djl.forward();
        Timing vjp = djl.vjp();
        Map<String, Object> extra = Map.of("batch", batch, "parameters", parameters,
                "torchThreads", TorchEngine.threads());
        SuiteRow f = ctx.row("network-forward", batch, "djl-pytorch", "cpu", forward, points, Double.NaN,
                extra);
        SuiteRow b = ctx.row("network-vjp", batch, "djl-pytorch", "cpu", vjp, points, Double.NaN,
                Map.of("batch", batch, "ratioToForward", vjp.medianSeconds() / forward.medianSeconds()));
        if (twin != null) {
            PyTorchTwin.Result t = twin.result();
            Map<String, Object> twinExtra = new LinkedHashMap<>(extra);
            twinExtra.put("torch", t.torch());
            twinExtra.put("torchThreads", t.threads());
            twinExtra.put("maxRelativeDifference", Math.max(t.forwardError(), t.vjpError()));
            ctx.emit(ctx.row("network-forward", batch, "pytorch", "cpu", t.forward(), points, Double.NaN,
                    twinExtra));
            ctx.emit(ctx.row("network-vjp", batch, "pytorch", "cpu", t.vjp(), points, Double.NaN,
                    Map.of("batch", batch, "ratioToForward", t.vjp().medianSeconds()
                            / t.forward().medianSeconds())));
            f = f.with("ratioToPytorch", twin.pairedRatio("forward", djl.denoise(), repeats));
            b = b.with("ratioToPytorch", twin.pairedRatio("vjp", djl.vjpCall(), repeats));
        }
        ctx.emit(f);
        ctx.emit(b);
    }
}
