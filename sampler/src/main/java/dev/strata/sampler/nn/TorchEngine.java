package dev.strata.sampler.nn;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import java.util.Optional;

/**
 * The DJL PyTorch engine, loaded offline from the native jar on the class path with fixed thread counts.
 *
 * <p>Before the engine first loads, this sets three process-wide DJL system properties unless the user already set
 * them: {@code ai.djl.offline=true} (DJL then refuses every http(s) access: no native download, no EC2 telemetry
 * call), {@code ai.djl.pytorch.num_threads=}{@link #DEFAULT_THREADS} (every core: PyTorch's own default would be
 * one thread under DJL) and {@code ai.djl.pytorch.num_interop_threads=1}. A fixed thread count makes training
 * reproducible on one machine; {@link #pinThreads} holds another count for a stretch of work. The natives ({@code libtorch_cpu.so} and the DJL JNI
 * library) come from {@code ai.djl.pytorch:pytorch-native-cpu:linux-x86_64} and {@code pytorch-jni}; DJL copies them
 * once into its cache ({@code ~/.djl.ai/pytorch}, or {@code ENGINE_CACHE_DIR}) and loads them from there.
 */
public final class TorchEngine {
    /** Intra-op threads used unless {@code ai.djl.pytorch.num_threads} is set: every core. */
    public static final int DEFAULT_THREADS = Runtime.getRuntime().availableProcessors();
    /** DJL's name of the engine. */
    public static final String NAME = "PyTorch";

    private TorchEngine() {
    }

    /** The PyTorch engine, loading it on first use (a second or so; the first run also unpacks ~450 MB of natives). */
    public static Engine get() {
        defaultProperty("ai.djl.offline", "true");
        defaultProperty("ai.djl.pytorch.num_threads", Integer.toString(DEFAULT_THREADS));
        defaultProperty("ai.djl.pytorch.num_interop_threads", "1");
        return Engine.getEngine(NAME);
    }

    /**
     * Why the engine cannot load here (DJL's jars or its PyTorch natives missing from the class path), in one line;
     * empty when it loads.
     */
    public static Optional<String> unavailable() {
        try {
            get();
            return Optional.empty();
        } catch (RuntimeException | LinkageError e) {
            return Optional.of(String.valueOf(e.getMessage()).lines().findFirst().orElse(e.getClass().getName()));
        }
    }

    /** The intra-op threads PyTorch uses now. */
    public static int threads() {
        get();
        return JniUtils.getNumThreads();
    }

    /**
     * Sets PyTorch's intra-op threads to {@code threads} until the returned handle is closed, which restores the count
     * before (process-wide: PyTorch has one thread pool).
     */
    public static ThreadPin pinThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        int before = threads();
        JniUtils.setNumThreads(threads);
        return () -> JniUtils.setNumThreads(before);
    }

    /** Restores the thread count {@link #pinThreads} replaced. */
    public interface ThreadPin extends AutoCloseable {
        @Override
        void close();
    }

    private static void defaultProperty(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
