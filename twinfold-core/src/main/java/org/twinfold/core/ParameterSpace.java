package org.twinfold.core;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The named parameters of a generator, in a fixed order, with an optional list of classes: fixed
 * parameter points that a class-conditional surrogate is trained on.
 */
public record ParameterSpace(List<Parameter> parameters, List<ParameterPoint> classes) {

    public ParameterSpace {
        parameters = List.copyOf(parameters);
        classes = List.copyOf(classes);
        Set<String> names = new HashSet<>();
        for (Parameter parameter : parameters) {
            if (!names.add(parameter.name())) {
                throw new IllegalArgumentException("parameter '" + parameter.name() + "' appears twice");
            }
        }
    }

    public static ParameterSpace of(Parameter... parameters) {
        return new ParameterSpace(List.of(parameters), List.of());
    }

    /** Returns a copy of this space with the given class points, each checked against the ranges. */
    public ParameterSpace withClasses(List<ParameterPoint> classPoints) {
        for (ParameterPoint point : classPoints) {
            validate(point);
        }
        return new ParameterSpace(parameters, classPoints);
    }

    public int dimension() {
        return parameters.size();
    }

    public Parameter parameter(int index) {
        return parameters.get(index);
    }

    /** Returns the index of the parameter with this name, or throws naming the parameters that exist. */
    public int indexOf(String name) {
        for (int i = 0; i < parameters.size(); i++) {
            if (parameters.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no parameter '" + name + "'; parameters are "
                + parameters.stream().map(Parameter::name).toList());
    }

    /**
     * Checks that a point has one finite value per parameter, each inside its range.
     *
     * @throws IllegalArgumentException naming the parameter, its value, unit and range
     */
    public void validate(ParameterPoint point) {
        if (point.size() != parameters.size()) {
            throw new IllegalArgumentException("parameter point " + point + " has " + point.size()
                    + " values; expected " + parameters.size() + " for "
                    + parameters.stream().map(Parameter::name).toList());
        }
        for (int i = 0; i < parameters.size(); i++) {
            Parameter parameter = parameters.get(i);
            double value = point.value(i);
            if (!parameter.contains(value)) {
                throw new IllegalArgumentException("parameter '" + parameter.name() + "' = " + value + " "
                        + parameter.unit() + " is outside its range [" + parameter.min() + ", "
                        + parameter.max() + "] " + parameter.unit() + "; choose a value inside the range");
            }
        }
    }
}
