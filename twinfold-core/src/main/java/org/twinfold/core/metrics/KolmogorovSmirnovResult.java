package org.twinfold.core.metrics;

/**
 * Result of a two-sample Kolmogorov-Smirnov test.
 *
 * @param statistic   D = sup_x |F1(x) - F2(x)|, in [0, 1]
 * @param pValue      probability under the null hypothesis (both samples from one continuous
 *                    distribution) of a statistic at least as large as {@code statistic}
 * @param firstSize   number of values in the first sample
 * @param secondSize  number of values in the second sample
 * @param exactPValue true when the p-value is the exact permutation probability, false when it comes
 *                    from the asymptotic Kolmogorov distribution
 */
public record KolmogorovSmirnovResult(double statistic, double pValue, int firstSize, int secondSize,
        boolean exactPValue) {
}
