package org.twinfold.core.metrics;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Kernel distance of two samples of feature vectors: the unbiased estimate of the squared maximum
 * mean discrepancy (MMD) with the polynomial kernel k(x, y) = (x . y / d + 1)^4 of d features:
 *
 * <pre>
 *   MMD^2_u = 1/(m(m-1)) sum_{i != j} k(x_i, x_j) + 1/(n(n-1)) sum_{i != j} k(y_i, y_j)
 *             - 2/(m n) sum_{i, j} k(x_i, y_j)
 * </pre>
 *
 * On the CaloChallenge's high-level features it is called KPD (kernel physics distance). It is 0 in expectation for identical distributions and can be slightly
 * negative. {@link #batched} reports the median over random batches with half the 16 to 84 %
 * inter-quantile range as uncertainty, as the challenge's evaluation does.
 *
 * <p>Cost: about 2 m^2 d multiply-adds for two batches of m rows (7 x 10^10 for the challenge's
 * m = 10,000 and d = 362), spread over the common fork-join pool. Stateless and thread-safe.
 */
public final class KernelDistance {

    /** Definition text for a {@link MetricResult}. */
    public static final String DEFINITION = "unbiased MMD^2 with kernel k(x, y) = (x.y/d + 1)^4 over random batches;"
            + " value: median, uncertainty: half the 16-84 % inter-quantile range";

    private KernelDistance() {
    }

    /**
     * Returns the unbiased MMD^2 of two samples with the polynomial kernel of degree 4.
     *
     * @param first (m, d), at least 2 rows
     * @param second (n, d), at least 2 rows
     */
    public static double mmdSquared(double[][] first, double[][] second) {
        int d = FeatureMatrix.requireFinite(first, "first sample", 2);
        FeatureMatrix.requireFinite(second, "second sample", 2);
        FeatureMatrix.requireSameWidth(first, second);

        double m = first.length;
        double n = second.length;
        double withinFirst = 2 * upperTriangleSum(first, d);
        double withinSecond = 2 * upperTriangleSum(second, d);
        double across = crossSum(first, second, d);
        return withinFirst / (m * (m - 1)) + withinSecond / (n * (n - 1)) - 2 * across / (m * n);
    }

    /**
     * Returns MMD^2 over {@code batches} pairs of batches of {@code batchSize} rows, each drawn without
     * replacement from its sample: the median, and half the 16 to 84 % inter-quantile range. The
     * challenge uses 10 batches of 10,000 rows.
     *
     * @throws IllegalArgumentException when a sample has fewer rows than a batch
     */
    public static BatchedDistance batched(double[][] reference, double[][] generated, int batches, int batchSize,
                                          long seed) {
        FeatureMatrix.requireFinite(reference, "reference features", 2);
        FeatureMatrix.requireFinite(generated, "generated features", 2);
        FeatureMatrix.requireSameWidth(reference, generated);
        if (batches < 1) {
            throw new IllegalArgumentException("KPD batch count is " + batches + "; it must be at least 1");
        }
        if (batchSize < 2 || batchSize > Math.min(reference.length, generated.length)) {
            throw new IllegalArgumentException("KPD batch size is " + batchSize + " but the samples have "
                    + reference.length + " and " + generated.length + " rows; use a batch size from 2 to "
                    + Math.min(reference.length, generated.length));
        }

        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[batches];
        for (int b = 0; b < batches; b++) {
            values[b] = mmdSquared(FeatureMatrix.drawRows(reference, batchSize, random),
                    FeatureMatrix.drawRows(generated, batchSize, random));
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double median = FeatureMatrix.quantile(sorted, 0.5);
        double halfSpread = 0.5 * (FeatureMatrix.quantile(sorted, 0.84) - FeatureMatrix.quantile(sorted, 0.16));
        return new BatchedDistance(median, halfSpread, values);
    }

    static double kernel(double[] x, double[] y, int d) {
        double base = dot(x, y, d) / d + 1;
        double squared = base * base;
        return squared * squared;
    }

    /** Returns sum_{i < j} k(x_i, x_j); rows are summed in parallel, then added in row order. */
    private static double upperTriangleSum(double[][] rows, int d) {
        double[] perRow = new double[rows.length];
        IntStream.range(0, rows.length).parallel().forEach(i -> {
            double sum = 0;
            for (int j = i + 1; j < rows.length; j++) {
                sum += kernel(rows[i], rows[j], d);
            }
            perRow[i] = sum;
        });
        return sumInOrder(perRow);
    }

    private static double crossSum(double[][] first, double[][] second, int d) {
        double[] perRow = new double[first.length];
        IntStream.range(0, first.length).parallel().forEach(i -> {
            double sum = 0;
            for (double[] other : second) {
                sum += kernel(first[i], other, d);
            }
            perRow[i] = sum;
        });
        return sumInOrder(perRow);
    }

    /** Adds in a fixed order, so that the result does not depend on how the pool split the rows. */
    private static double sumInOrder(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum;
    }

    /** Returns x . y with four partial sums, which lets the CPU overlap the additions. */
    private static double dot(double[] x, double[] y, int d) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int j = 0;
        for (; j + 3 < d; j += 4) {
            s0 += x[j] * y[j];
            s1 += x[j + 1] * y[j + 1];
            s2 += x[j + 2] * y[j + 2];
            s3 += x[j + 3] * y[j + 3];
        }
        for (; j < d; j++) {
            s0 += x[j] * y[j];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
