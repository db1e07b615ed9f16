package dev.strata.sampler.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import org.junit.jupiter.api.Test;

/** The network's device: the three spellings, refusals in one line, and a GPU the engine cannot see. */
class NetworkDeviceTest {

    @Test
    void parsesCpuGpuAndGpuIndex() {
        assertEquals(NetworkDevice.CPU, NetworkDevice.parse("cpu"));
        assertEquals(new NetworkDevice(true, 0), NetworkDevice.parse("gpu"));
        assertEquals(new NetworkDevice(true, 3), NetworkDevice.parse("gpu:3"));
        assertEquals("gpu:3", NetworkDevice.parse("gpu:3").toString());
        assertEquals(Device.cpu(), NetworkDevice.CPU.toDjl());
        for (String bad : new String[] {"tpu", "gpu:", "gpu:-1", "gpu:x", "cpu:1", ""}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NetworkDevice.parse(bad));
            assertTrue(e.getMessage().contains("write cpu, gpu or gpu:N"), e.getMessage());
        }
    }

    @Test
    void aGpuTheEngineCannotSeeIsRefusedWithWhatToDo() {
        int gpus = TorchEngine.get().getGpuCount();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new NetworkDevice(true, gpus).toDjl());
        assertTrue(e.getMessage().startsWith("--device gpu:" + gpus + ": DJL's PyTorch engine sees"), e.getMessage());
        if (gpus == 0) {
            assertTrue(e.getMessage().contains("pytorch-native-cu"), e.getMessage());
        }
    }
}
