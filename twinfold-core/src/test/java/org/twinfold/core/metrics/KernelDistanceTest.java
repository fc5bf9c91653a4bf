package org.twinfold.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KernelDistanceTest {

    @Test
    void handComputedTwoByTwo() {
        // d = 1: k(x, y) = (x y + 1)^4. x = {0, 1}, y = {1, 2}:
        // within x: 2 k(0, 1) / 2 = 1; within y: 2 k(1, 2) / 2 = 81;
        // across: (k(0,1) + k(0,2) + k(1,1) + k(1,2)) / 4 = (1 + 1 + 16 + 81) / 4.
        double expected = 1 + 81 - 2 * (99.0 / 4);
        double[][] x = {{0}, {1}};
        double[][] y = {{1}, {2}};

        assertEquals(expected, KernelDistance.mmdSquared(x, y), 1e-12);
    }

    @Test
    void identicalDistributionsGiveNearZero() {
        SplittableRandom random = new SplittableRandom(11);
        double[][] first = FrechetDistanceTest.gaussian(4000, 4, 0, random);
        double[][] second = FrechetDistanceTest.gaussian(4000, 4, 0, random);
        BatchedDistance result = KernelDistance.batched(first, second, 10, 1000, 3);

        assertEquals(0, result.median(), 3 * result.halfSpread() + 1e-3);
        assertEquals(10, result.batchValues().length);
    }

    @Test
    void shiftedUniformMatchesMomentFormula() {
        // d = 1: MMD^2 = sum_k C(4, k) (E X^k - E Y^k)^2. X ~ U(0, 1), Y ~ U(0.5, 1.5): E X^k = 1/(k+1),
        // E Y^k = (1.5^(k+1) - 0.5^(k+1)) / (k+1), so the differences are 0.5, 0.75, 1 and 1.3125.
        double expected = 4 * 0.25 + 6 * 0.5625 + 4 * 1.0 + 1.3125 * 1.3125;
        SplittableRandom random = new SplittableRandom(12);
        double[][] first = uniform(4000, 0, random);
        double[][] second = uniform(4000, 0.5, random);
        BatchedDistance result = KernelDistance.batched(first, second, 5, 2000, 1);

        // Batches of 2,000 scatter by about 3 % (seen with numpy on other seeds).
        assertEquals(expected, result.median(), 0.08 * expected);
        assertTrue(result.halfSpread() > 0);
        assertTrue(result.halfSpread() < 0.1 * expected);
    }

    @Test
    void rejectsBatchLargerThanSample() {
        double[][] sample = FrechetDistanceTest.gaussian(10, 2, 0, new SplittableRandom(1));

        assertThrows(IllegalArgumentException.class, () -> KernelDistance.batched(sample, sample, 2, 11, 1));
    }

    @Test
    void scalingDividesByReferenceMaximum() {
        ScaledFeatures scaled = ScaledFeatures.byReferenceMaximum(new double[][] {{-4, 0}, {2, 0}},
                new double[][] {{8, 3}});

        assertEquals(-1, scaled.reference()[0][0], 0);
        assertEquals(0.5, scaled.reference()[1][0], 0);
        assertEquals(2, scaled.generated()[0][0], 0);
        assertEquals(3, scaled.generated()[0][1], 0);
    }

    private static double[][] uniform(int rows, double low, SplittableRandom random) {
        double[][] sample = new double[rows][1];
        for (double[] row : sample) {
            row[0] = low + random.nextDouble();
        }
        return sample;
    }
}
