package dev.strata.kernels;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** Finds backends through {@link ServiceLoader}. */
public final class ComputeBackends {
    private ComputeBackends() {
    }

    /** Every provider on the class path, the JVM backend first. */
    public static List<ComputeBackendProvider> providers() {
        List<ComputeBackendProvider> list = new ArrayList<>();
        ServiceLoader.load(ComputeBackendProvider.class).forEach(list::add);
        list.sort((a, b) -> a.name().equals("jvm") ? -1 : b.name().equals("jvm") ? 1 : a.name().compareTo(b.name()));
        return list;
    }

    /** The provider with this name, or a clear error listing the names there are. */
    public static ComputeBackendProvider provider(String name) {
        List<ComputeBackendProvider> all = providers();
        for (ComputeBackendProvider p : all) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        List<String> names = all.stream().map(ComputeBackendProvider::name).toList();
        throw new BackendUnavailableException("unknown backend '" + name + "': choose one of " + names
                + (name.equals("tornadovm") ? " (the TornadoVM backend is built only when TORNADOVM_HOME points to a TornadoVM SDK)" : ""));
    }

    /**
     * Opens a backend from a spec {@code name} or {@code name:deviceIndex}, e.g. {@code jvm}, {@code tornadovm:1}.
     */
    public static ComputeBackend open(String spec) {
        String name = spec;
        int device = 0;
        int colon = spec.indexOf(':');
        if (colon >= 0) {
            name = spec.substring(0, colon);
            try {
                device = Integer.parseInt(spec.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new BackendUnavailableException("bad backend spec '" + spec + "': write NAME or NAME:DEVICE_INDEX, e.g. tornadovm:0");
            }
        }
        return provider(name).open(device);
    }
}
