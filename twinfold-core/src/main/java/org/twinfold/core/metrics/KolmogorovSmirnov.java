package org.twinfold.core.metrics;

import org.hipparchus.stat.inference.KolmogorovSmirnovTest;

/**
 * Two-sample Kolmogorov-Smirnov test of the null hypothesis that two samples come from the same
 * distribution. The statistic comes from Hipparchus 4.0.2 {@link KolmogorovSmirnovTest}.
 *
 * <p>The statistic is D = sup_x |F1(x) - F2(x)| over the empirical CDFs F1 (n values) and F2 (m values);
 * tied values are handled exactly. The p-value depends on the sample sizes:
 * <ul>
 * <li>n * m < 10,000: the exact probability P(D' >= D) over all equally likely splits of the pooled
 *     sample into parts of sizes n and m, with tied values kept tied ({@link KolmogorovSmirnovExact});</li>
 * <li>otherwise: the asymptotic tail 1 - K(D sqrt(n m / (n + m))) of the Kolmogorov distribution K
 *     (Hipparchus), which assumes no ties and is conservative where there are some.</li>
 * </ul>
 *
 * <p>Hipparchus' own exact p-value is not used, because it breaks ties with random jitter, so its
 * p-value belongs to a different D, and it fails with an internal error when two values differ by
 * only a few ulps and the jitter cannot separate them.
 */
public final class KolmogorovSmirnov {

    /** Definition text for a {@link MetricResult}. */
    public static final String DEFINITION = "D = sup_x |F1(x) - F2(x)| over the empirical CDFs of the two samples"
            + " (two-sample Kolmogorov-Smirnov statistic); p-value P(D' >= D) under equal distributions";

    /** Product of the sample sizes from which the p-value is asymptotic (Hipparchus 4.0.2 switches there too). */
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

        boolean exact = (long) first.length * second.length < EXACT_SIZE_PRODUCT_LIMIT;
        double pValue = exact ? KolmogorovSmirnovExact.pValue(statistic, first, second)
                : test.approximateP(statistic, first.length, second.length);
        return new KolmogorovSmirnovResult(statistic, pValue, first.length, second.length, exact);
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
