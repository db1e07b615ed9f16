package dev.strata.forward.acoustic;

import java.util.ArrayList;
import java.util.List;

/**
 * The shots of a survey. Every shot has the same number of receivers (their positions may differ), so that data are
 * a dense block {@code [nshots][nt][nrec]}.
 *
 * @param shots at least one shot
 */
public record Acquisition(List<Shot> shots) {

    public Acquisition {
        if (shots == null || shots.isEmpty() || shots.stream().anyMatch(java.util.Objects::isNull)) {
            throw new IllegalArgumentException("an acquisition needs at least one shot, got " + shots);
        }
        shots = List.copyOf(shots);
        int nrec = shots.get(0).receivers().size();
        for (int s = 1; s < shots.size(); s++) {
            if (shots.get(s).receivers().size() != nrec) {
                throw new IllegalArgumentException("every shot must have the same number of receivers: shot 0 has "
                        + nrec + ", shot " + s + " has " + shots.get(s).receivers().size());
            }
        }
    }

    /** One shot per source, all recorded by the same receivers. */
    public static Acquisition fixedSpread(List<GridPoint> sources, List<GridPoint> receivers) {
        List<Shot> shots = new ArrayList<>();
        for (GridPoint s : sources) {
            shots.add(new Shot(s, receivers));
        }
        return new Acquisition(shots);
    }

    /**
     * A surface line: {@code nshots} sources evenly spread over x in [0, nx) at depth index {@code sourceDepth}, and a
     * receiver at every {@code receiverStep}-th x at depth index {@code receiverDepth}, shared by all shots.
     */
    public static Acquisition surfaceLine(Grid grid, int nshots, int sourceDepth, int receiverDepth,
                                          int receiverStep) {
        if (nshots < 1 || receiverStep < 1) {
            throw new IllegalArgumentException("surface line needs nshots >= 1 and receiverStep >= 1, got " + nshots
                    + " and " + receiverStep);
        }
        List<GridPoint> sources = new ArrayList<>();
        for (int s = 0; s < nshots; s++) {
            sources.add(new GridPoint(sourceDepth, (int) ((s + 0.5) * grid.nx() / nshots)));
        }
        List<GridPoint> receivers = new ArrayList<>();
        for (int x = 0; x < grid.nx(); x += receiverStep) {
            receivers.add(new GridPoint(receiverDepth, x));
        }
        return fixedSpread(sources, receivers);
    }

    /** Number of shots. */
    public int nshots() {
        return shots.size();
    }

    /** Receivers per shot. */
    public int nrec() {
        return shots.get(0).receivers().size();
    }
}
