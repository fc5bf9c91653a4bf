package org.twinfold.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import org.hipparchus.distribution.discrete.BinomialDistribution;
import org.hipparchus.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;

class KolmogorovSmirnovTwoSampleTest {

    @Test
    void statisticByHand() {
        // At t = 2: F1 = 2/3, F2 = 0, the largest gap; at t = 3 the gap is 1 - 1/2.
        KolmogorovSmirnovResult result = KolmogorovSmirnov.twoSample(new double[] {1, 2, 3}, new double[] {2.5, 4});

        assertEquals(2.0 / 3, result.statistic(), 1e-15);
        assertEquals(3, result.firstSize());
        assertEquals(2, result.secondSize());
    }

    @Test
    void statisticWithTiesByHand() {
        // At t = 2 both CDFs jump: F1 = 3/4, F2 = 1/2; at t = 3: F1 = 1, F2 = 1/2.
        KolmogorovSmirnovResult result = KolmogorovSmirnov.twoSample(new double[] {1, 2, 2, 3}, new double[] {2, 4});

        assertEquals(0.5, result.statistic(), 1e-15);
    }

    @Test
    void exactPValueCountsSplits() {
        // D = 1 needs one sample entirely below the other: 2 of the C(4, 2) = 6 splits, or 2 of C(6, 3) = 20.
        KolmogorovSmirnovResult small = KolmogorovSmirnov.twoSample(new double[] {1, 2}, new double[] {3, 4});
        KolmogorovSmirnovResult larger = KolmogorovSmirnov.twoSample(new double[] {1, 2, 3}, new double[] {4, 5, 6});

        assertEquals(1.0, small.statistic(), 0);
        assertEquals(1.0 / 3, small.pValue(), 1e-12);
        assertTrue(small.exactPValue());
        assertEquals(0.1, larger.pValue(), 1e-12);
    }

    @Test
    void exactPValueBelowOne() {
        // n = m = 3, D = 2/3: only the 8 of 20 splits whose rank path keeps |i - j| <= 1 have D = 1/3.
        KolmogorovSmirnovResult result = KolmogorovSmirnov.twoSample(new double[] {1, 2, 4}, new double[] {3, 5, 6});

        assertEquals(2.0 / 3, result.statistic(), 1e-15);
        assertEquals(12.0 / 20, result.pValue(), 1e-12);
    }

    @Test
    void exactPValueWithTiesByHand() {
        // Runs of equal values end after the pooled values 1, 2, 2, 2 and 3. D = 2/3 at the end of the 2s,
        // where the first sample has 3 values and the second 1. Only the paths through (3, 1) or (1, 3)
        // reach it: 4 + 4 of C(6, 3) = 20 splits.
        KolmogorovSmirnovResult result = KolmogorovSmirnov.twoSample(new double[] {1, 2, 2}, new double[] {2, 3, 4});

        assertEquals(2.0 / 3, result.statistic(), 1e-15);
        assertEquals(0.4, result.pValue(), 1e-12);
    }

    @Test
    void exactPValueOfCountsByHand() {
        // The three 0s decide D = 3/4, reached when all three fall in one sample: 5 + 5 of C(8, 4) = 70 splits.
        KolmogorovSmirnovResult result = KolmogorovSmirnov.twoSample(new double[] {0, 0, 0, 1},
                new double[] {1, 1, 1, 1});

        assertEquals(0.75, result.statistic(), 1e-15);
        assertEquals(1.0 / 7, result.pValue(), 1e-12);
    }

    @Test
    void identicalConstantSamples() {
        double[] ones = new double[50];
        Arrays.fill(ones, 1);

        KolmogorovSmirnovResult result = KolmogorovSmirnov.twoSample(ones, ones.clone());

        assertEquals(0, result.statistic(), 0);
        assertEquals(1, result.pValue(), 0);
    }

    @Test
    void valuesFewUlpsApart() {
        // A jitter narrower than the gap cannot separate such values in double precision.
        double[] first = new double[50];
        double[] second = new double[50];
        for (int k = 0; k < 50; k++) {
            first[k] = k % 2 == 0 ? 2.0 : Math.nextUp(2.0);
            second[k] = k % 3 == 0 ? 2.0 : 3.0;
        }

        KolmogorovSmirnovResult result = KolmogorovSmirnov.twoSample(first, second);

        assertTrue(result.exactPValue());
        assertTrue(result.pValue() > 0, "p-value " + result.pValue());
        assertTrue(result.pValue() < 1e-6, "p-value " + result.pValue());
    }

    @Test
    void exactPValueMatchesHipparchusWithoutTies() {
        Random random = new Random(31);
        KolmogorovSmirnovTest hipparchus = new KolmogorovSmirnovTest();
        for (int t = 0; t < 20; t++) {
            double[] first = gaussian(random, 20 + t, 0);
            double[] second = gaussian(random, 35 - t, 0.1 * t);

            KolmogorovSmirnovResult result = KolmogorovSmirnov.twoSample(first, second);

            double expected = hipparchus.exactP(result.statistic(), first.length, second.length, false);
            assertEquals(expected, result.pValue(), 1e-9 * Math.max(expected, 1e-6), "trial " + t);
        }
    }

    @Test
    void sameDistributionIsNotRejected() {
        Random random = new Random(2024);
        double[] first = gaussian(random, 500, 0);
        double[] second = gaussian(random, 400, 0);

        KolmogorovSmirnovResult result = KolmogorovSmirnov.twoSample(first, second);

        assertFalse(result.exactPValue());
        assertTrue(result.pValue() > 0.01, "p-value " + result.pValue());
    }

    @Test
    void shiftedDistributionIsRejected() {
        Random random = new Random(2025);
        double[] first = gaussian(random, 500, 0);
        double[] second = gaussian(random, 400, 0.6);

        KolmogorovSmirnovResult result = KolmogorovSmirnov.twoSample(first, second);

        assertTrue(result.pValue() < 1e-6, "p-value " + result.pValue());
    }

    @Test
    void exactTestRejectionRateUnderNullHypothesis() {
        // 200 tests of equal distributions at alpha = 0.05; the exact test is conservative, so the count of
        // rejections must not exceed the 99.9 % quantile of Binomial(200, 0.05).
        Random random = new Random(77);
        int trials = 200;
        int rejections = 0;
        for (int t = 0; t < trials; t++) {
            KolmogorovSmirnovResult result = KolmogorovSmirnov.twoSample(gaussian(random, 40, 0),
                    gaussian(random, 50, 0));
            assertTrue(result.exactPValue());
            if (result.pValue() < 0.05) {
                rejections++;
            }
        }

        BinomialDistribution expected = new BinomialDistribution(trials, 0.05);
        int upper = expected.inverseCumulativeProbability(0.999);
        assertTrue(rejections <= upper, rejections + " rejections, bound " + upper);
        assertTrue(rejections >= 1, "no rejection in " + trials + " trials");
    }

    @Test
    void rejectsShortAndNonFiniteSamples() {
        assertThrows(IllegalArgumentException.class,
                () -> KolmogorovSmirnov.twoSample(new double[] {1}, new double[] {1, 2}));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> KolmogorovSmirnov.twoSample(new double[] {1, 2}, new double[] {1, Double.NaN}));
        assertTrue(error.getMessage().contains("index 1"), error.getMessage());
    }

    private static double[] gaussian(Random random, int size, double mean) {
        double[] values = new double[size];
        for (int i = 0; i < size; i++) {
            values[i] = mean + random.nextGaussian();
        }
        return values;
    }
}
