package dev.strata.tornado;

import dev.strata.kernels.ComputeBackend;
import dev.strata.kernels.DeviceInfo;
import dev.strata.kernels.ExecutionPlan;
import dev.strata.kernels.KernelGraph;
import dev.strata.kernels.WorkspaceCache;
import java.util.List;
import java.util.function.Supplier;
import uk.ac.manchester.tornado.api.common.TornadoDevice;

/**
 * The TornadoVM backend: each {@link KernelGraph} becomes a TornadoVM task graph and execution plan on one device.
 * Operators' resident workspaces are kept per shape ({@link WorkspaceCache}), so each graph compiles once per run;
 * closing the backend closes them.
 */
final class TornadoBackend implements ComputeBackend {
    private final List<DeviceInfo> devices;
    private final DeviceInfo device;
    private final TornadoDevice tornadoDevice;
    private final WorkspaceCache workspaces = new WorkspaceCache();

    TornadoBackend(List<DeviceInfo> devices, int index) {
        this.devices = List.copyOf(devices);
        this.device = devices.get(index);
        this.tornadoDevice = TornadoDevices.device(index);
    }

    @Override
    public String name() {
        return TornadoBackendProvider.NAME;
    }

    @Override
    public List<DeviceInfo> devices() {
        return devices;
    }

    @Override
    public DeviceInfo device() {
        return device;
    }

    @Override
    public ExecutionPlan plan(KernelGraph graph) {
        return new TornadoPlan(graph, tornadoDevice, device);
    }

    @Override
    public ExecutionPlan plan(List<KernelGraph> graphs) {
        return new TornadoPlan(graphs, tornadoDevice, device);
    }

    @Override
    public <W extends AutoCloseable> W workspace(Object key, Class<W> type, Supplier<W> build) {
        return workspaces.get(key, type, build);
    }

    @Override
    public void close() {
        workspaces.close();
    }
}
