package org.twinfold.core;

import java.util.List;
import java.util.Objects;

/**
 * One named array in every sample of a {@link Schema}, such as {@code position} float32 [100] in metres.
 *
 * @param name identifier used as the HDF5 dataset name; letters, digits and underscores
 * @param shape shape of one sample's array, without the sample axis; empty for a scalar
 * @param type element type
 * @param unit physical unit, such as {@code m} or {@code MeV}; {@code 1} for dimensionless values
 * @param description one sentence for reports and {@code --help}
 */
public record Field(String name, List<Integer> shape, ElementType type, String unit, String description) {

    public Field {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(description, "description");
        if (name == null || !name.matches("[A-Za-z][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("invalid field name '" + name
                    + "'; use letters, digits and underscores, starting with a letter");
        }
        shape = List.copyOf(shape);
        for (int extent : shape) {
            if (extent <= 0) {
                throw new IllegalArgumentException("field '" + name + "' has shape " + shape
                        + "; every extent must be positive");
            }
        }
    }

    /** Returns the number of elements in one sample of this field. */
    public int elementsPerSample() {
        int count = 1;
        for (int extent : shape) {
            count = Math.multiplyExact(count, extent);
        }
        return count;
    }

    /** Returns the shape as an int array, for array libraries. */
    public int[] shapeArray() {
        return shape.stream().mapToInt(Integer::intValue).toArray();
    }
}
