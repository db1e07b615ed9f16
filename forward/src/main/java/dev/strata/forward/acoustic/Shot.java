package dev.strata.forward.acoustic;

import java.util.List;

/**
 * One shot: a point source and the receivers that record it.
 *
 * @param source    source grid point
 * @param receivers receiver grid points in trace order; at least one; several may share a point
 */
public record Shot(GridPoint source, List<GridPoint> receivers) {

    public Shot {
        if (source == null || receivers == null || receivers.isEmpty()
                || receivers.stream().anyMatch(java.util.Objects::isNull)) {
            throw new IllegalArgumentException("a shot needs a source and at least one receiver, got " + source
                    + " and " + receivers);
        }
        receivers = List.copyOf(receivers);
    }
}
