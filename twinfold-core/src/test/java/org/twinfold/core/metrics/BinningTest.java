package org.twinfold.core.metrics;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.twinfold.core.testkit.AllClose.assertAllClose;

import org.junit.jupiter.api.Test;

class BinningTest {

    @Test
    void uniformEdges() {
        assertAllClose(new double[] {0, 0.25, 0.5, 0.75, 1}, Binning.uniform(0, 1, 4), 0, 1e-15);
    }

    @Test
    void logarithmicEdges() {
        assertAllClose(new double[] {1, 10, 100, 1000}, Binning.logarithmic(1, 1000, 3), 1e-13, 0);
    }

    @Test
    void logarithmicRejectsNonPositiveLow() {
        assertThrows(IllegalArgumentException.class, () -> Binning.logarithmic(0, 10, 3));
    }

    @Test
    void uniformRejectsEmptyRangeAndZeroBins() {
        assertThrows(IllegalArgumentException.class, () -> Binning.uniform(1, 1, 3));
        assertThrows(IllegalArgumentException.class, () -> Binning.uniform(0, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> Binning.uniform(0, Double.NaN, 2));
    }

    @Test
    void commonRangeSkipsNonFinite() {
        double[] edges = Binning.commonRange(new double[] {1, 2}, new double[] {5, Double.NaN,
            Double.NEGATIVE_INFINITY}, 4);

        assertAllClose(new double[] {1, 2, 3, 4, 5}, edges, 0, 1e-15);
    }

    @Test
    void commonRangeWidensSingleValue() {
        assertAllClose(new double[] {1, 2, 3}, Binning.commonRange(new double[] {2, 2}, new double[] {2}, 2), 0, 0);
        assertAllClose(new double[] {-0.5, 0.5}, Binning.commonRange(new double[] {0}, new double[] {0}, 1), 0, 0);
    }

    @Test
    void commonRangeRejectsNoFiniteValue() {
        assertThrows(IllegalArgumentException.class,
                () -> Binning.commonRange(new double[] {Double.NaN}, new double[0], 3));
    }

    @Test
    void commonLogarithmicUsesPositiveValues() {
        double[] edges = Binning.commonLogarithmic(new double[] {-1, 0, 1, 10}, new double[] {100}, 2);

        assertAllClose(new double[] {1, 10, 100}, edges, 1e-14, 0);
    }

    @Test
    void commonQuantilesSplitPooledSampleEvenly() {
        // Pooled 0..8: type-7 quantile at p is the order statistic at index 8 p.
        double[] edges = Binning.commonQuantiles(new double[] {0, 1, 2, 3, 4}, new double[] {8, 7, 6, 5}, 4);

        assertAllClose(new double[] {0, 2, 4, 6, 8}, edges, 0, 1e-12);
    }

    @Test
    void commonQuantilesInterpolateBetweenOrderStatistics() {
        // Pooled {0, 1, 2, 10}: the median sits at index 1.5, between 1 and 2.
        double[] edges = Binning.commonQuantiles(new double[] {0, 10}, new double[] {1, 2}, 2);

        assertAllClose(new double[] {0, 1.5, 10}, edges, 0, 1e-12);
    }

    @Test
    void commonQuantilesMergeTiedEdges() {
        double[] edges = Binning.commonQuantiles(new double[] {0, 0, 0, 0}, new double[] {0, 0, 0, 1}, 4);

        assertAllClose(new double[] {0, 1}, edges, 0, 0);
    }
}
