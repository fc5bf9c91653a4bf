package org.twinfold.core.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FrechetDistanceTest {

    @Test
    void diagonalGaussiansHaveClosedForm() {
        // Commuting covariances: FD = |mu1 - mu2|^2 + sum_j (sigma1_j - sigma2_j)^2.
        double[][] first = {{4, 0}, {0, 1}};
        double[][] second = {{1, 0}, {0, 9}};
        double fd = FrechetDistance.between(new double[] {0, 0}, first, new double[] {1, 2}, second);

        assertEquals(5 + 1 + 4, fd, 1e-12);
    }

    @Test
    void correlatedEqualCovarianceGivesMeanTerm() {
        double[][] covariance = {{2, 0.8, 0.1}, {0.8, 1, 0.3}, {0.1, 0.3, 0.5}};
        double fd = FrechetDistance.between(new double[] {1, 2, 3}, covariance, new double[] {1.5, 2, 1},
                covariance);

        assertEquals(0.25 + 4, fd, 1e-10);
    }

    @Test
    void identicalSamplesGiveZero() {
        double[][] sample = gaussian(500, 4, 0, new SplittableRandom(1));

        assertEquals(0, FrechetDistance.of(sample, sample), 1e-9);
    }

    @Test
    void shiftedMeansOfSampledGaussians() {
        SplittableRandom random = new SplittableRandom(2);
        double[][] first = gaussian(20_000, 3, 0, random);
        double[][] second = gaussian(20_000, 3, 0.5, random);

        // |mu1 - mu2|^2 = 3 * 0.25; the finite-sample bias and scatter are of order d / N.
        assertEquals(0.75, FrechetDistance.of(first, second), 0.03);
    }

    @Test
    void extrapolationRemovesFiniteSampleBias() {
        SplittableRandom random = new SplittableRandom(4);
        double[][] first = gaussian(4000, 5, 0, random);
        double[][] second = gaussian(4000, 5, 0, random);
        ExtrapolatedDistance result = FrechetDistance.extrapolated(first, second,
                new FrechetExtrapolation(500, 2000, 4, 5), 7);

        assertArrayEquals(new int[] {2000, 1000, 667, 500}, result.batchSizes());
        assertEquals(0, result.value(), 5 * result.uncertainty() + 2e-3);
        assertTrue(result.meanDistances()[3] > result.meanDistances()[0]);
    }

    @Test
    void interceptOfExactLine() {
        double[] fit = FrechetDistance.interceptWithError(new double[] {1, 2, 3}, new double[] {5, 7, 9});

        assertEquals(3, fit[0], 1e-12);
        assertEquals(0, fit[1], 1e-12);
    }

    @Test
    void rejectsBatchLargerThanSample() {
        double[][] sample = gaussian(100, 2, 0, new SplittableRandom(5));

        assertThrows(IllegalArgumentException.class, () -> FrechetDistance.extrapolated(sample, sample,
                new FrechetExtrapolation(50, 200, 3, 2), 1));
    }

    @Test
    void rejectsDifferentFeatureCounts() {
        assertThrows(IllegalArgumentException.class, () -> FrechetDistance.of(new double[][] {{1, 2}, {3, 4}},
                new double[][] {{1}, {2}}));
    }

    static double[][] gaussian(int rows, int columns, double mean, SplittableRandom random) {
        double[][] sample = new double[rows][columns];
        for (double[] row : sample) {
            for (int j = 0; j < columns; j++) {
                row[j] = mean + random.nextGaussian();
            }
        }
        return sample;
    }
}
