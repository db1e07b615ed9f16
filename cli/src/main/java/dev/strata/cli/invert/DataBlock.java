package dev.strata.cli.invert;

/**
 * One kind of data inside the stacked, whitened data vector of an inversion: values {@code [offset, offset + size)}.
 *
 * @param name e.g. {@code seismic}, {@code wells}, {@code shots}, {@code heads}
 */
public record DataBlock(String name, int offset, int size) {
}
