package dev.strata.sampler.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.util.Platform;
import ai.djl.util.Utils;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The engine must load from the jars on the class path, offline. DJL downloads natives only when the class path lacks
 * them (a "placeholder" platform, or no matching JNI properties), and in offline mode every http(s) access throws, so
 * an engine that loads here with offline mode on has downloaded nothing.
 */
class TorchEngineTest {

    @Test
    void engineLoadsOfflineFromTheNativeJar() throws Exception {
        Engine engine = TorchEngine.get();
        assertTrue(Utils.isOfflineMode(), "DJL offline mode must be on");
        assertEquals(TorchEngine.NAME, engine.getEngineName());
        assertEquals("2.7.1", engine.getVersion());
        Platform platform = Platform.detectPlatform("pytorch");
        assertFalse(platform.isPlaceholder(), "pytorch-native-cpu (classifier linux-x86_64) must be on the class path");
        try (InputStream in = TorchEngine.class.getClassLoader().getResourceAsStream("jnilib/pytorch.properties")) {
            assertNotNull(in, "pytorch-jni must be on the class path");
            Properties p = new Properties();
            p.load(in);
            assertEquals("2.7.1-" + Engine.getDjlVersion(), p.getProperty("jni_version"));
        }
    }

    @Test
    void usesEveryCoreByDefaultAndOneInteropThread() {
        TorchEngine.get();
        assertEquals(Runtime.getRuntime().availableProcessors(), TorchEngine.DEFAULT_THREADS);
        assertEquals(Integer.toString(TorchEngine.DEFAULT_THREADS), System.getProperty("ai.djl.pytorch.num_threads"));
        assertEquals("1", System.getProperty("ai.djl.pytorch.num_interop_threads"));
        assertEquals(TorchEngine.DEFAULT_THREADS, TorchEngine.threads());
    }

    @Test
    void pinnedThreadCountHoldsUntilClosed() {
        int before = TorchEngine.threads();
        int other = before == 1 ? 2 : 1;
        try (TorchEngine.ThreadPin pin = TorchEngine.pinThreads(other)) {
            assertEquals(other, TorchEngine.threads());
        }
        assertEquals(before, TorchEngine.threads());
    }
}
