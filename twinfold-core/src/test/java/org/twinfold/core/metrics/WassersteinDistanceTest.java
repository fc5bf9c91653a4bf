package org.twinfold.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

class WassersteinDistanceTest {

    @Test
    void shiftByConstantGivesConstant() {
        Random random = new Random(11);
        double[] sample = new double[300];
        for (int i = 0; i < sample.length; i++) {
            sample[i] = random.nextGaussian();
        }
        double[] shifted = Arrays.stream(sample).map(x -> x + 2.5).toArray();

        assertEquals(2.5, WassersteinDistance.of(sample, shifted), 1e-12);
        assertEquals(2.5, WassersteinDistance.of(shifted, sample), 1e-12);
    }

    @Test
    void sameDistributionWithDifferentSizesGivesZero() {
        assertEquals(0.0, WassersteinDistance.of(new double[] {0, 1}, new double[] {0, 0, 1, 1}), 0);
    }

    @Test
    void handComputedCases() {
        assertEquals(1.0, WassersteinDistance.of(new double[] {0}, new double[] {1}), 0);
        assertEquals(0.5, WassersteinDistance.of(new double[] {0, 1}, new double[] {0, 2}), 1e-15);

        // W1 to a point mass at 0.5 is the mean of |x - 0.5| = (0.5 + 0.5 + 1.5) / 3.
        assertEquals(5.0 / 6, WassersteinDistance.of(new double[] {2, 0, 1}, new double[] {0.5}), 1e-15);
    }

    @Test
    void equalSizesMatchSortedPairing() {
        // For equal sizes W1 is the mean distance between order statistics of the same rank.
        Random random = new Random(5);
        double[] first = new double[200];
        double[] second = new double[200];
        for (int i = 0; i < first.length; i++) {
            first[i] = random.nextGaussian();
            second[i] = 0.3 + 2 * random.nextDouble();
        }
        double[] sortedFirst = first.clone();
        double[] sortedSecond = second.clone();
        Arrays.sort(sortedFirst);
        Arrays.sort(sortedSecond);
        double expected = 0;
        for (int i = 0; i < first.length; i++) {
            expected += Math.abs(sortedFirst[i] - sortedSecond[i]) / first.length;
        }

        assertEquals(expected, WassersteinDistance.of(first, second), 1e-12);
    }

    @Test
    void rejectsEmptyAndNonFinite() {
        assertThrows(IllegalArgumentException.class, () -> WassersteinDistance.of(new double[0], new double[] {1}));
        assertThrows(IllegalArgumentException.class,
                () -> WassersteinDistance.of(new double[] {1}, new double[] {Double.NaN}));
    }
}
