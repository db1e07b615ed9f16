package dev.strata.forward.seismic;

/**
 * What one datum of a {@link HardDataOperator} built by {@link HardDataOperator#alongWells} observes: channel
 * {@code channel} at cell (z, x), first reached by point {@code point} of well {@code well}.
 *
 * @param well    the well's name
 * @param point   index of the well point that first reached the cell
 * @param channel the model channel observed
 * @param z       depth cell
 * @param x       lateral cell
 */
public record WellObservation(String well, int point, int channel, int z, int x) {
}
