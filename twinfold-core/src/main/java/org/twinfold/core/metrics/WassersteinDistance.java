package org.twinfold.core.metrics;

import java.util.Arrays;

/**
 * Wasserstein-1 distance (earth mover's distance) between two 1-D empirical distributions:
 *
 * <pre>
 *   W1 = integral over x of |F1(x) - F2(x)| dx
 * </pre>
 *
 * where F1 and F2 are the empirical cumulative distribution functions of the two samples, each value
 * with mass 1/n of its sample. The samples can have different sizes. W1 has the unit of the values;
 * shifting one sample by c changes W1 by at most |c|, and W1 = |c| between a sample and its shifted copy.
 *
 * <p>F1 - F2 is constant between consecutive distinct values of the pooled sample, so the integral is an
 * exact sum over those intervals. Cost: O((n1 + n2) log(n1 + n2)) for sorting.
 */
public final class WassersteinDistance {

    /** Definition text for a {@link MetricResult}. */
    public static final String DEFINITION = "W1 = integral |F1(x) - F2(x)| dx over the empirical CDFs F1, F2 of"
            + " the two samples (1-D Wasserstein-1 distance), in the unit of the values";

    private WassersteinDistance() {
    }

    /** Returns W1 between two samples; rejects empty samples and non-finite values. */
    public static double of(double[] first, double[] second) {
        double[] a = sortedFinite(first, "first");
        double[] b = sortedFinite(second, "second");

        // Walk through the pooled values in order; i and j count the values of a and b at or below x.
        long n = a.length;
        long m = b.length;
        int i = 0;
        int j = 0;
        double previous = Math.min(a[0], b[0]);
        double integral = 0;
        while (i < n || j < m) {
            double x = j >= m || (i < n && a[i] <= b[j]) ? a[i] : b[j];

            // F1 - F2 = i/n - j/m on [previous, x), written over a common denominator to keep it exact.
            double cdfDifference = Math.abs(i * m - j * n) / (double) (n * m);
            integral += cdfDifference * (x - previous);

            while (i < n && a[i] == x) {
                i++;
            }
            while (j < m && b[j] == x) {
                j++;
            }
            previous = x;
        }
        return integral;
    }

    private static double[] sortedFinite(double[] values, String name) {
        if (values.length == 0) {
            throw new IllegalArgumentException("sample '" + name + "' is empty; W1 needs at least one value");
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("sample '" + name + "' has " + values[i] + " at index " + i
                        + "; W1 needs finite values, so remove or count such values before comparing");
            }
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted;
    }
}
