package org.twinfold.core.metrics;

/**
 * A distance evaluated on several random batches.
 *
 * @param median median over the batches
 * @param halfSpread half the distance between the 16 % and 84 % quantiles of the batch values, which
 *     is one standard deviation for a normal spread
 * @param batchValues the value of each batch, in draw order
 */
public record BatchedDistance(double median, double halfSpread, double[] batchValues) {

    /** Returns the median as a {@link MetricResult} with the given name, dimensionless. */
    public MetricResult toMetricResult(String name) {
        return new MetricResult(name, median, halfSpread, "1", KernelDistance.DEFINITION);
    }
}
