package dev.strata.forward.seismic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The data layout of {@link HardDataOperator#alongWells}: which well, point, channel and cell each datum observes. */
final class WellLogs {
    private WellLogs() {
    }

    /**
     * Well by well, channel by channel (in the order given), the cells along the path in path order, each cell once
     * per well (at the first point that reaches it). Two wells through one cell observe it once each.
     */
    static List<WellObservation> observations(WellGrid grid, int channels, int[] observedChannels,
                                              List<WellPath> wells) {
        requireChannels(channels, observedChannels);
        if (wells == null || wells.isEmpty()) {
            throw new IllegalArgumentException("hard data along wells need at least one well path");
        }
        List<WellObservation> data = new ArrayList<>();
        for (WellPath well : wells) {
            Map<Integer, Integer> firstPoint = new LinkedHashMap<>();
            for (int p = 0; p < well.points(); p++) {
                firstPoint.putIfAbsent(grid.cellOf(well, p), p);
            }
            for (int channel : observedChannels) {
                firstPoint.forEach((cell, p) -> data.add(new WellObservation(well.name(), p, channel,
                        cell / grid.nx(), cell % grid.nx())));
            }
        }
        return List.copyOf(data);
    }

    private static void requireChannels(int channels, int[] observed) {
        if (observed == null || observed.length == 0) {
            throw new IllegalArgumentException("hard data along wells need at least one observed channel");
        }
        boolean[] seen = new boolean[Math.max(channels, 0)];
        for (int c : observed) {
            if (c < 0 || c >= channels) {
                throw new IllegalArgumentException("observed channel " + c + " outside [0, " + channels + ")");
            }
            if (seen[c]) {
                throw new IllegalArgumentException("observed channel " + c + " listed twice");
            }
            seen[c] = true;
        }
    }
}
