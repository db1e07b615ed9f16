package dev.strata.forward;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The workspace of each key that an operator last used, kept for its next call: a backend that keeps no workspaces
 * (the JVM's keeps only resident graphs) would otherwise have it allocate its arrays and build its plans at every
 * call. One a key; a call that finds it taken by a concurrent call builds its own, and the first one back is kept.
 *
 * @param <K> what identifies a workspace (problem, batch size, kind)
 * @param <W> the workspace; a call holds its lock
 */
public final class KeptWorkspaces<K, W> {
    /** Guarded by itself. */
    private final Map<K, W> idle = new HashMap<>();

    /**
     * {@code body} on the workspace of {@code key} under its lock: the one kept from the last call with this key if
     * no other call holds it, else a new one from {@code build}; kept afterwards for the next call.
     */
    public <T> T with(K key, Supplier<W> build, Function<W, T> body) {
        W w;
        synchronized (idle) {
            w = idle.remove(key);
        }
        if (w == null) {
            w = build.get();
        }
        try {
            synchronized (w) {
                return body.apply(w);
            }
        } finally {
            synchronized (idle) {
                idle.putIfAbsent(key, w);
            }
        }
    }
}
