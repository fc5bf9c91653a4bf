package org.twinfold.core;

import java.util.Arrays;
import java.util.OptionalInt;

/**
 * Values of every parameter of a {@link ParameterSpace}, in the space's order, and the class label
 * when the point was drawn from a fixed list of classes.
 */
public record ParameterPoint(double[] values, OptionalInt classLabel) {

    public ParameterPoint {
        values = values.clone();
    }

    public static ParameterPoint of(double... values) {
        return new ParameterPoint(values, OptionalInt.empty());
    }

    public static ParameterPoint ofClass(int label, double... values) {
        return new ParameterPoint(values, OptionalInt.of(label));
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    /** Returns the value of parameter {@code index} without copying the array. */
    public double value(int index) {
        return values[index];
    }

    public int size() {
        return values.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ParameterPoint point
                && Arrays.equals(values, point.values)
                && classLabel.equals(point.classLabel);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(values) + classLabel.hashCode();
    }

    @Override
    public String toString() {
        String label = classLabel.isPresent() ? " class " + classLabel.getAsInt() : "";
        return Arrays.toString(values) + label;
    }
}
