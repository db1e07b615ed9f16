package dev.strata.cli.experiment;

import java.util.Locale;

/** The two priors seed 001 compares on one training set. */
public enum PriorKind {
    /** The training set itself, a mixture of deltas: {@code --prior memorized:FILE}. */
    MEMORIZED("memorized"),
    /** A U-Net trained on the set by {@code strata train}: {@code --prior network:DIR}. */
    NETWORK("network");

    private final String id;

    PriorKind(String id) {
        this.id = id;
    }

    /** The lower-case name used in folders, tables and JSON. */
    public String id() {
        return id;
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
