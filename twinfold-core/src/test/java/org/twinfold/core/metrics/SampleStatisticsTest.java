package org.twinfold.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.twinfold.core.testkit.AllClose.assertAllClose;

import org.junit.jupiter.api.Test;

class SampleStatisticsTest {

    private static final double[] VALUES = {1, 2, 3, 4};

    @Test
    void meanVarianceAndStandardError() {
        // Squared deviations from 2.5 sum to 5, so s^2 = 5 / 3.
        assertEquals(2.5, SampleStatistics.mean(VALUES), 1e-15);
        assertEquals(5.0 / 3, SampleStatistics.variance(VALUES), 1e-15);
        assertEquals(Math.sqrt(5.0 / 3 / 4), SampleStatistics.standardError(VALUES), 1e-15);
    }

    @Test
    void columnMeansAndCovariance() {
        double[][] rows = {{1, 2}, {2, 4}, {3, 6}};

        assertAllClose(new double[] {2, 4}, SampleStatistics.columnMeans(rows), 1e-15, 0);
        double[][] covariance = SampleStatistics.covariance(rows);
        assertAllClose(new double[] {1, 2}, covariance[0], 1e-15, 0);
        assertAllClose(new double[] {2, 4}, covariance[1], 1e-15, 0);
    }

    @Test
    void covarianceOfOneComponent() {
        double[][] covariance = SampleStatistics.covariance(new double[][] {{1}, {2}, {3}, {4}});

        assertEquals(1, covariance.length);
        assertEquals(5.0 / 3, covariance[0][0], 1e-15);
    }

    @Test
    void rejectsTooFewValuesAndRaggedRows() {
        assertThrows(IllegalArgumentException.class, () -> SampleStatistics.mean(new double[0]));
        assertThrows(IllegalArgumentException.class, () -> SampleStatistics.variance(new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> SampleStatistics.covariance(new double[][] {{1, 2}}));
        assertThrows(IllegalArgumentException.class,
                () -> SampleStatistics.columnMeans(new double[][] {{1, 2}, {3}}));
    }
}
