package org.twinfold.core.metrics;

import java.util.SplittableRandom;

/**
 * Checks and moments of feature matrices given as {@code double[samples][features]}, shared by the
 * Fréchet and kernel distances.
 */
final class FeatureMatrix {

    private FeatureMatrix() {
    }

    /**
     * Returns the number of features of {@code rows}.
     *
     * @param role the matrix's role, for messages ("reference features")
     * @param minimumRows fewest rows allowed
     * @throws IllegalArgumentException for too few rows, ragged rows or a value that is not finite
     */
    static int requireFinite(double[][] rows, String role, int minimumRows) {
        if (rows == null || rows.length < minimumRows) {
            throw new IllegalArgumentException(role + " have " + (rows == null ? 0 : rows.length) + " rows; at least "
                    + minimumRows + " are needed");
        }
        int columns = rows[0].length;
        if (columns == 0) {
            throw new IllegalArgumentException(role + " have rows of length 0; give at least one feature");
        }
        for (int row = 0; row < rows.length; row++) {
            if (rows[row].length != columns) {
                throw new IllegalArgumentException(role + " row " + row + " has " + rows[row].length
                        + " features; row 0 has " + columns);
            }
            for (int column = 0; column < columns; column++) {
                if (!Double.isFinite(rows[row][column])) {
                    throw new IllegalArgumentException(role + " contain " + rows[row][column] + " at row " + row
                            + ", feature " + column + "; remove or repair that sample");
                }
            }
        }
        return columns;
    }

    /** Throws unless both matrices have the same number of features. */
    static void requireSameWidth(double[][] first, double[][] second) {
        if (first[0].length != second[0].length) {
            throw new IllegalArgumentException("the samples have " + first[0].length + " and " + second[0].length
                    + " features; compare samples of the same features");
        }
    }

    static double[] mean(double[][] rows) {
        int d = rows[0].length;
        double[] mean = new double[d];
        for (double[] row : rows) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= rows.length;
        }
        return mean;
    }

    /** Returns the unbiased sample covariance (divisor n - 1) around {@code mean}, as a full symmetric matrix. */
    static double[][] covariance(double[][] rows, double[] mean) {
        int d = mean.length;
        double[][] covariance = new double[d][d];
        double[] centred = new double[d];
        for (double[] row : rows) {
            for (int j = 0; j < d; j++) {
                centred[j] = row[j] - mean[j];
            }
            // Upper triangle only; the inner loop is an axpy, which the JIT can vectorize.
            for (int i = 0; i < d; i++) {
                double ci = centred[i];
                double[] target = covariance[i];
                for (int j = i; j < d; j++) {
                    target[j] += ci * centred[j];
                }
            }
        }
        double divisor = rows.length - 1;
        for (int i = 0; i < d; i++) {
            for (int j = i; j < d; j++) {
                covariance[i][j] /= divisor;
                covariance[j][i] = covariance[i][j];
            }
        }
        return covariance;
    }

    /**
     * Returns {@code count} rows drawn without replacement (a partial Fisher-Yates shuffle); the rows
     * are shared, not copied.
     */
    static double[][] drawRows(double[][] rows, int count, SplittableRandom random) {
        int[] indices = new int[rows.length];
        for (int i = 0; i < indices.length; i++) {
            indices[i] = i;
        }
        double[][] drawn = new double[count][];
        for (int i = 0; i < count; i++) {
            int j = i + random.nextInt(rows.length - i);
            int swap = indices[i];
            indices[i] = indices[j];
            indices[j] = swap;
            drawn[i] = rows[indices[i]];
        }
        return drawn;
    }

    /** Returns the value at quantile {@code q} in [0, 1] of sorted values, interpolating linearly (numpy's default). */
    static double quantile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        double fraction = position - below;
        return sorted[below] + fraction * (sorted[above] - sorted[below]);
    }
}
