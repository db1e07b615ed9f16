package dev.strata.forward.darcy;

/**
 * A source or sink in one cell.
 *
 * @param cell where
 * @param rate volumetric rate per unit thickness (m^2/s in 2-D), positive for injection, negative for pumping
 */
public record Well(Cell cell, double rate) {
    public Well {
        if (cell == null) {
            throw new IllegalArgumentException("well cell must not be null");
        }
        if (!Double.isFinite(rate)) {
            throw new IllegalArgumentException("well rate must be finite, got " + rate);
        }
    }
}
