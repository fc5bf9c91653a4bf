package org.twinfold.core.metrics;

import java.util.Objects;

/**
 * One metric value as an evaluation reports it, with enough context to read the JSON without the code.
 *
 * <p>Jackson writes a record through its accessors, so {@code new ObjectMapper().writeValueAsString(result)}
 * gives {@code {"name":..,"value":..,"uncertainty":..,"unit":..,"definition":..}}. Jackson 2.x writes
 * NaN as the string {@code "NaN"} by default and reads it back as {@link Double#NaN}.
 *
 * @param name         metric name, for example {@code "separation_power/layer_3_energy"}
 * @param value        metric value in {@code unit}; NaN only when the metric is undefined for the input
 * @param uncertainty  one standard deviation of {@code value} in {@code unit}, NaN when unknown
 * @param unit         physical unit of value and uncertainty, {@code "1"} for a dimensionless number
 * @param definition   formula or sentence that defines the metric, with its source where it has one
 */
public record MetricResult(String name, double value, double uncertainty, String unit, String definition) {

    public MetricResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(definition, "definition");
        if (name.isBlank()) {
            throw new IllegalArgumentException("metric name is blank; give a name such as \"wasserstein/energy\"");
        }
        if (unit.isBlank()) {
            throw new IllegalArgumentException("unit of metric '" + name + "' is blank; use \"1\" for a"
                    + " dimensionless value");
        }
        if (uncertainty < 0) {
            throw new IllegalArgumentException("uncertainty of metric '" + name + "' is " + uncertainty
                    + "; expected a standard deviation >= 0, or NaN when unknown");
        }
    }

    /** Creates a result whose uncertainty is unknown (NaN). */
    public static MetricResult withoutUncertainty(String name, double value, String unit, String definition) {
        return new MetricResult(name, value, Double.NaN, unit, definition);
    }

    /** Returns whether the uncertainty is known, that is, not NaN. */
    public boolean hasUncertainty() {
        return !Double.isNaN(uncertainty);
    }
}
