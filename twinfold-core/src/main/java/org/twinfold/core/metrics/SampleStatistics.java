package org.twinfold.core.metrics;

import org.hipparchus.stat.StatUtils;
import org.hipparchus.stat.correlation.Covariance;

/**
 * Summary statistics of one sample: mean, unbiased variance, standard error of the mean, and the
 * column means and covariance matrix of a sample of vectors.
 *
 * <p>For values x_1..x_n: mean = (1/n) sum x_i; variance s^2 = sum (x_i - mean)^2 / (n - 1) (Bessel's
 * correction); standard error of the mean = s / sqrt(n). A sample of vectors is an array of rows,
 * shape [n][d], one row per sample. The arithmetic is done by Hipparchus {@link StatUtils} and
 * {@link Covariance}.
 */
public final class SampleStatistics {

    private SampleStatistics() {
    }

    /** Returns the arithmetic mean; rejects an empty sample. */
    public static double mean(double[] values) {
        requireSize(values, 1, "mean");
        return StatUtils.mean(values);
    }

    /** Returns the unbiased sample variance sum (x_i - mean)^2 / (n - 1); needs at least 2 values. */
    public static double variance(double[] values) {
        requireSize(values, 2, "variance");
        return StatUtils.variance(values);
    }

    /** Returns the standard error of the mean, sqrt(variance / n); needs at least 2 values. */
    public static double standardError(double[] values) {
        return Math.sqrt(variance(values) / values.length);
    }

    /** Returns the mean of each column of a [n][d] sample, as a vector of length d. */
    public static double[] columnMeans(double[][] rows) {
        int dimension = requireRectangular(rows, 1, "column means");

        double[] sums = new double[dimension];
        for (double[] row : rows) {
            for (int j = 0; j < dimension; j++) {
                sums[j] += row[j];
            }
        }

        for (int j = 0; j < dimension; j++) {
            sums[j] /= rows.length;
        }
        return sums;
    }

    /**
     * Returns the unbiased covariance matrix, shape [d][d], of a [n][d] sample:
     * cov_jk = sum_i (x_ij - mean_j)(x_ik - mean_k) / (n - 1). Needs at least 2 rows.
     */
    public static double[][] covariance(double[][] rows) {
        int dimension = requireRectangular(rows, 2, "covariance");

        return new Covariance(rows, true).getCovarianceMatrix().getData();
    }

    private static void requireSize(double[] values, int minimum, String statistic) {
        if (values.length < minimum) {
            throw new IllegalArgumentException("the " + statistic + " needs at least " + minimum
                    + " values, got " + values.length);
        }
    }

    /** Checks that every row has the same length and returns that length. */
    static int requireRectangular(double[][] rows, int minimumRows, String statistic) {
        if (rows.length < minimumRows) {
            throw new IllegalArgumentException("the " + statistic + " needs at least " + minimumRows
                    + " rows (samples), got " + rows.length);
        }
        int dimension = rows[0].length;
        if (dimension == 0) {
            throw new IllegalArgumentException("row 0 has length 0; each row must hold at least one component");
        }
        for (int i = 1; i < rows.length; i++) {
            if (rows[i].length != dimension) {
                throw new IllegalArgumentException("row " + i + " has length " + rows[i].length
                        + " but row 0 has length " + dimension + "; every sample needs the same dimension");
            }
        }
        return dimension;
    }
}
