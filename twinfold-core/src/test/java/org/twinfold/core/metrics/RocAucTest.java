package org.twinfold.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RocAucTest {

    @Test
    void handComputedPairs() {
        // 5 of the 6 (positive, negative) pairs are ordered correctly: 0.4 < 0.5 is the exception.
        assertEquals(5.0 / 6, RocAuc.of(new double[] {0.9, 0.8, 0.4}, new double[] {0.5, 0.3}), 1e-15);
    }

    @Test
    void tiesCountHalf() {
        // Pairs (1,1) tie = 1/2, (1,0), (2,1), (2,0) ordered: 3.5 of 4.
        assertEquals(0.875, RocAuc.of(new double[] {1, 2}, new double[] {1, 0}), 1e-15);
    }

    @Test
    void allTiedGivesHalf() {
        assertEquals(0.5, RocAuc.of(new double[] {3, 3, 3}, new double[] {3, 3}), 1e-15);
    }

    @Test
    void perfectAndReversedScores() {
        assertEquals(1.0, RocAuc.of(new double[] {5, 6, 7}, new double[] {1, 2}), 0);
        assertEquals(0.0, RocAuc.of(new double[] {1, 2}, new double[] {5, 6, 7}), 0);
    }

    @Test
    void labelledFormAgreesWithSplitForm() {
        double[] scores = {0.9, 0.5, 0.8, 0.3, 0.4};
        boolean[] positive = {true, false, true, false, true};

        assertEquals(5.0 / 6, RocAuc.of(scores, positive), 1e-15);
    }

    @Test
    void uninformativeScoresScatterByNullDeviation() {
        SplittableRandom random = new SplittableRandom(3);
        int n = 2000;
        double[] first = new double[n];
        double[] second = new double[n];
        for (int i = 0; i < n; i++) {
            first[i] = random.nextGaussian();
            second[i] = random.nextGaussian();
        }

        double sd = RocAuc.nullStandardDeviation(n, n);
        assertEquals(Math.sqrt((2.0 * n + 1) / (12.0 * n * n)), sd, 1e-15);
        assertEquals(0.5, RocAuc.of(first, second), 4 * sd);
    }

    @Test
    void rejectsEmptyClassAndNaN() {
        assertThrows(IllegalArgumentException.class, () -> RocAuc.of(new double[] {1}, new double[0]));
        assertThrows(IllegalArgumentException.class, () -> RocAuc.of(new double[] {Double.NaN}, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> RocAuc.of(new double[] {1, 2}, new boolean[] {true}));
    }
}
