package dev.strata.forward.geology;

/**
 * One channel (property) of a generated model.
 *
 * @param name e.g. {@code "impedance"}
 * @param unit e.g. {@code "m/s*g/cm^3"}; {@code "1"} for dimensionless values
 */
public record Channel(String name, String unit) {
    public Channel {
        if (name == null || name.isBlank() || unit == null || unit.isBlank()) {
            throw new IllegalArgumentException("a channel needs a name and a unit, got '" + name + "', '" + unit + "'");
        }
    }
}
