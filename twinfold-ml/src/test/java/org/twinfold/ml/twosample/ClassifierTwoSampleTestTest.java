package org.twinfold.ml.twosample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ClassifierTwoSampleTestTest {
    private static final TwoSampleOptions SMALL = TwoSampleOptions.builder().optHiddenWidths(List.of(32, 32))
            .optBatchSize(200).optEpochs(10).optLearningRate(1e-3).build();

    private static double[][] gaussian(int rows, int columns, double shift, SplittableRandom random) {
        double[][] sample = new double[rows][columns];
        for (double[] row : sample) {
            for (int j = 0; j < columns; j++) {
                row[j] = 3 + 2 * random.nextGaussian() + shift;
            }
        }
        return sample;
    }

    @Test
    void identicalDistributionsGiveHalf() {
        SplittableRandom random = new SplittableRandom(1);
        TwoSampleResult result = ClassifierTwoSampleTest.run(gaussian(2000, 5, 0, random), gaussian(2000, 5, 0, random),
                SMALL);

        assertEquals(400, result.validationReferenceRows());
        assertEquals(400, result.validationGeneratedRows());
        assertEquals(Math.sqrt(801.0 / (12.0 * 400 * 400)), result.aucNullDeviation(), 1e-12);
        // The trained classifier may pick up noise, which only raises the AUC above 0.5 on average.
        assertEquals(0.5, result.auc(), 4 * result.aucNullDeviation());
        assertTrue(result.jsd() < 0.05, "JSD " + result.jsd());
    }

    @Test
    void separatedDistributionsGiveOne() {
        SplittableRandom random = new SplittableRandom(2);
        TwoSampleResult result = ClassifierTwoSampleTest.run(gaussian(1000, 5, 0, random), gaussian(1000, 5, 8, random),
                SMALL);

        assertTrue(result.auc() > 0.99, "AUC " + result.auc());
        // Calibrated probabilities interpolate between test blocks, so the JSD stays a little below 1.
        assertTrue(result.jsd() > 0.8, "JSD " + result.jsd());
        assertTrue(result.bestTestAccuracy() > 0.95, "accuracy " + result.bestTestAccuracy());
        assertEquals(1200, result.trainRows());
        assertEquals(400, result.testRows());
    }

    @Test
    void rejectsTooFewRowsAndMismatchedFeatures() {
        SplittableRandom random = new SplittableRandom(3);

        assertThrows(IllegalArgumentException.class,
                () -> ClassifierTwoSampleTest.run(gaussian(4, 2, 0, random), gaussian(10, 2, 0, random), SMALL));
        assertThrows(IllegalArgumentException.class,
                () -> ClassifierTwoSampleTest.run(gaussian(10, 2, 0, random), gaussian(10, 3, 0, random), SMALL));
    }

    @Test
    void isotonicCalibrationIsMonotoneLeastSquares() {
        // Labels 0, 1, 0, 1 at scores 1..4: the violating middle pair pools to 0.5.
        IsotonicCalibration calibration = IsotonicCalibration.fit(new double[] {1, 2, 3, 4},
                new boolean[] {false, true, false, true});

        assertEquals(0, calibration.probability(1), 1e-12);
        assertEquals(0.5, calibration.probability(2.5), 1e-12);
        assertEquals(1, calibration.probability(4), 1e-12);
        assertEquals(0.25, calibration.probability(1.75), 1e-12);
        assertEquals(1, calibration.probability(10), 1e-12);
    }
}
