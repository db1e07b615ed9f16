package dev.strata.kernels;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The resident workspaces (host buffers and the execution plans compiled over them) a compiling backend keeps, one per
 * key, built on first use and reused by every later request with an equal key; closed with the backend. A device
 * backend compiles a plan when it is built (TornadoVM: 0.1-4 s), while a reused plan costs only its transfers and
 * kernels, so an operator called at every reverse-diffusion step compiles once. Thread-safe.
 */
public final class WorkspaceCache implements AutoCloseable {
    private record Key(Class<?> type, Object key) {
    }

    private final Map<Key, AutoCloseable> byKey = new LinkedHashMap<>();
    private boolean closed;

    /** The workspace of this type for {@code key}, built by {@code build} the first time. */
    public synchronized <W extends AutoCloseable> W get(Object key, Class<W> type, Supplier<W> build) {
        if (closed) {
            throw new IllegalStateException("the backend is closed: its workspaces are gone");
        }
        return type.cast(byKey.computeIfAbsent(new Key(type, key), k -> build.get()));
    }

    /** Closes every workspace (and so its plans); later {@link #get} calls fail. */
    @Override
    public synchronized void close() {
        closed = true;
        List<Exception> failures = new ArrayList<>();
        for (AutoCloseable w : byKey.values()) {
            try {
                w.close();
            } catch (Exception e) {
                failures.add(e);
            }
        }
        byKey.clear();
        if (!failures.isEmpty()) {
            IllegalStateException e = new IllegalStateException("closing " + failures.size() + " workspace(s) failed");
            failures.forEach(e::addSuppressed);
            throw e;
        }
    }
}
