package org.twinfold.core.metrics;

import java.util.Arrays;
import org.hipparchus.util.CombinatoricsUtils;

/**
 * Exact permutation p-value of the two-sample Kolmogorov-Smirnov statistic that keeps tied values tied.
 *
 * <p>Under the null hypothesis every split of the pooled sample into parts of sizes n and m is equally
 * likely. A split is a lattice path from (0, 0) to (n, m): walking through the sorted pooled values, a
 * step in i takes a value into the first part and a step in j into the second. The empirical CDFs can
 * only be compared after a run of tied values ends, so the path is checked only where i + j is such a
 * position, and there |F1 - F2| = |i m - j n| / (n m). P(D' >= D) is the share of paths that reach
 * |i m - j n| >= D n m at a checked position. Each such path is counted once, at the first position where
 * it reaches D, as the paths arriving there times the ways to finish from there. Without ties every
 * position is checked and this is the usual exact test. With ties it is the exact test conditional on
 * the pooled values.
 *
 * <p>Time and memory are O(n m), so callers use it below {@link KolmogorovSmirnov#EXACT_SIZE_PRODUCT_LIMIT}.
 */
final class KolmogorovSmirnovExact {

    private KolmogorovSmirnovExact() {
    }

    /**
     * Returns P(D' >= D) over all splits of the pooled sample.
     *
     * @param statistic D of the two samples with ties kept, as Hipparchus computes it
     * @param first     finite values, at least 1
     * @param second    finite values, at least 1
     */
    static double pValue(double statistic, double[] first, double[] second) {
        int n = first.length;
        int m = second.length;
        boolean[] checked = runEnds(first, second);
        // D n m is a whole number, |i m - j n| at some checked position; rounding removes the error of D.
        long scaledStatistic = Math.round(statistic * n * m);
        if (scaledStatistic == 0) {
            return 1;
        }

        // inside[j] is, for the current i, the number of paths from (0, 0) to (i, j) that have not yet
        // reached the statistic at a checked position. Counts stay below C(n + m, n), under 1e59 for
        // n m < 10,000, so doubles hold them with rounding error only.
        double[] inside = new double[m + 1];
        double reaching = 0;
        for (int i = 0; i <= n; i++) {
            for (int j = 0; j <= m; j++) {
                double arriving;
                if (i == 0 && j == 0) {
                    arriving = 1;
                } else {
                    arriving = (i > 0 ? inside[j] : 0) + (j > 0 ? inside[j - 1] : 0);
                }
                if (checked[i + j] && Math.abs((long) i * m - (long) j * n) >= scaledStatistic) {
                    reaching += arriving * CombinatoricsUtils.binomialCoefficientDouble(n - i + m - j, n - i);
                    inside[j] = 0;
                } else {
                    inside[j] = arriving;
                }
            }
        }
        return Math.min(1, reaching / CombinatoricsUtils.binomialCoefficientDouble(n + m, n));
    }

    /** Returns, for k = 0 .. n + m, whether the k-th smallest pooled value ends a run of equal values. */
    private static boolean[] runEnds(double[] first, double[] second) {
        double[] pooled = new double[first.length + second.length];
        System.arraycopy(first, 0, pooled, 0, first.length);
        System.arraycopy(second, 0, pooled, first.length, second.length);
        Arrays.sort(pooled);

        boolean[] ends = new boolean[pooled.length + 1];
        for (int k = 1; k <= pooled.length; k++) {
            ends[k] = k == pooled.length || pooled[k] != pooled[k - 1];
        }
        return ends;
    }
}
