package org.twinfold.core.metrics;

/**
 * A distance extrapolated to infinite batch size by a linear fit in 1/N.
 *
 * @param value the fitted value at 1/N = 0
 * @param uncertainty standard error of that intercept; NaN with only two batch sizes
 * @param batchSizes the batch sizes N used
 * @param meanDistances the mean distance at each batch size, in the order of {@code batchSizes}
 */
public record ExtrapolatedDistance(double value, double uncertainty, int[] batchSizes, double[] meanDistances) {

    /** Returns the value as a {@link MetricResult} with the given name, dimensionless. */
    public MetricResult toMetricResult(String name) {
        return new MetricResult(name, value, Double.isNaN(uncertainty) ? Double.NaN : uncertainty, "1",
                FrechetDistance.EXTRAPOLATED_DEFINITION);
    }
}
