package org.twinfold.core;

import java.util.Objects;

/**
 * One input parameter of a generator with its closed range [min, max] and physical unit.
 *
 * @param name identifier, as used on the command line and in manifests
 * @param min smallest allowed value, inclusive
 * @param max largest allowed value, inclusive; equal to {@code min} for a fixed parameter
 * @param unit physical unit; {@code 1} for dimensionless values
 * @param description one sentence for reports and {@code --help}
 */
public record Parameter(String name, double min, double max, String unit, String description) {

    public Parameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(description, "description");
        if (!Double.isFinite(min) || !Double.isFinite(max) || min > max) {
            throw new IllegalArgumentException("parameter '" + name + "' has range [" + min + ", " + max
                    + "]; the bounds must be finite with min <= max");
        }
    }

    /** Returns true when {@code value} is finite and inside [min, max]. */
    public boolean contains(double value) {
        return Double.isFinite(value) && value >= min && value <= max;
    }

    /** Maps a value in [min, max] linearly to [0, 1]; a fixed parameter maps to 0. */
    public double normalize(double value) {
        return max == min ? 0.0 : (value - min) / (max - min);
    }
}
