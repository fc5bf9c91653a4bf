package org.twinfold.core.metrics;

import org.hipparchus.stat.inference.KolmogorovSmirnovTest;
import org.hipparchus.util.CombinatoricsUtils;

/**
 * Two-sample Kolmogorov-Smirnov test of the null hypothesis that two samples come from the same
 * continuous distribution, computed by Hipparchus 4.0.2 {@link KolmogorovSmirnovTest}.
 *
 * <p>The statistic is D = sup_x |F1(x) - F2(x)| over the empirical CDFs F1 (n values) and F2 (m values);
 * tied values are handled exactly. The p-value depends on the sample sizes:
 * <ul>
 * <li>n * m < 10,000: the exact probability P(D' >= D) over all equally likely splits of the pooled
 *     sample into parts of sizes n and m;</li>
 * <li>otherwise: the asymptotic tail 1 - K(D sqrt(n m / (n + m))) of the Kolmogorov distribution K.</li>
 * </ul>
 *
 * <p>Note: the exact p-value assumes no ties. When the pooled sample of a small test has ties,
 * Hipparchus adds uniform jitter narrower than the smallest gap between distinct values, from a
 * generator with a fixed seed, so the result is reproducible. The reported statistic is computed on
 * the values as given, so it can differ from the D behind such a p-value.
 */
public final class KolmogorovSmirnov {

    /** Definition text for a {@link MetricResult}. */
    public static final String DEFINITION = "D = sup_x |F1(x) - F2(x)| over the empirical CDFs of the two samples"
            + " (two-sample Kolmogorov-Smirnov statistic); p-value P(D' >= D) under equal distributions";

    /** Product of the sample sizes from which Hipparchus 4.0.2 switches to the asymptotic p-value. */
    static final long EXACT_SIZE_PRODUCT_LIMIT = 10_000L;

    private KolmogorovSmirnov() {
    }

    /**
     * Runs the test.
     *
     * @param first  first sample, at least 2 finite values
     * @param second second sample, at least 2 finite values
     */
    public static KolmogorovSmirnovResult twoSample(double[] first, double[] second) {
        checkSample(first, "first");
        checkSample(second, "second");

        // A new instance per call, because the test object contains a random generator and is not thread-safe.
        KolmogorovSmirnovTest test = new KolmogorovSmirnovTest();
        double statistic = test.kolmogorovSmirnovStatistic(first, second);
        double pValue = test.kolmogorovSmirnovTest(first, second, false);

        boolean exact = (long) first.length * second.length < EXACT_SIZE_PRODUCT_LIMIT;
        if (exact) {
            pValue = Math.max(pValue, smallestExactPValue(first.length, second.length));
        }
        return new KolmogorovSmirnovResult(statistic, pValue, first.length, second.length, exact);
    }

    /**
     * Returns P(D' = 1) = 2 / C(n + m, n), the probability that one sample lies entirely below the other,
     * which is the smallest exact p-value. NOTE: Hipparchus 4.0.2 returns P(D' >= 1) = 0 when D = 1, so the
     * p-value is raised to this floor; for every other D its exact value is already above it.
     */
    static double smallestExactPValue(int n, int m) {
        return 2.0 / CombinatoricsUtils.binomialCoefficientDouble(n + m, n);
    }

    private static void checkSample(double[] values, String name) {
        if (values.length < 2) {
            throw new IllegalArgumentException("sample '" + name + "' has " + values.length
                    + " values; the two-sample Kolmogorov-Smirnov test needs at least 2 per sample");
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("sample '" + name + "' has " + values[i] + " at index " + i
                        + "; the test needs finite values, so remove or count such values first");
            }
        }
    }
}
