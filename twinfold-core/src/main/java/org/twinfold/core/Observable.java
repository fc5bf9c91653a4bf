package org.twinfold.core;

import java.util.Objects;

/**
 * A scalar physics quantity computed from one sample, such as the final energy or the lacuna count.
 * Evaluation compares its distribution between simulated and generated samples.
 *
 * @param name identifier in evaluation files and reports
 * @param unit physical unit; {@code 1} when dimensionless
 * @param description one sentence for reports
 * @param function computes the value of sample {@code index} of a batch
 */
public record Observable(String name, String unit, String description, Function function) {

    /** Computes an observable for one sample of a batch. */
    @FunctionalInterface
    public interface Function {
        double apply(SampleBatch batch, int index);
    }

    public Observable {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(function, "function");
    }

    /** Returns the observable for every sample of a batch. */
    public double[] evaluate(SampleBatch batch) {
        double[] values = new double[batch.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = function.apply(batch, i);
        }
        return values;
    }
}
