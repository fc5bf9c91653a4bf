package org.twinfold.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SeparationPowerTest {

    @Test
    void identicalHistogramsGiveZero() {
        double[] edges = Binning.uniform(0, 1, 5);
        double[] values = {0.1, 0.3, 0.35, 0.9, 0.95, 0.99};

        assertEquals(0.0, SeparationPower.of(Histogram.of(edges, values), Histogram.of(edges, values)), 0);
    }

    @Test
    void disjointHistogramsGiveOne() {
        double[] edges = Binning.uniform(0, 4, 4);
        Histogram low = Histogram.of(edges, new double[] {0.5, 1.5, 1.6});
        Histogram high = Histogram.of(edges, new double[] {2.5, 3.5});

        assertEquals(1.0, SeparationPower.of(low, high), 1e-15);
    }

    @Test
    void handComputedCase() {
        // h1 = (1/4, 1/4, 1/2), h2 = (1/2, 1/4, 1/4): S = 1/2 (2 * (1/4)^2 / (3/4)) = 1/12.
        assertEquals(1.0 / 12, SeparationPower.of(new double[] {1, 1, 2}, new double[] {2, 1, 1}), 1e-15);
    }

    @Test
    void independentOfSampleSize() {
        double first = SeparationPower.of(new double[] {1, 1, 2}, new double[] {2, 1, 1});
        double scaled = SeparationPower.of(new double[] {10, 10, 20}, new double[] {2, 1, 1});

        assertEquals(first, scaled, 1e-15);
    }

    @Test
    void skipsBinsEmptyInBoth() {
        assertEquals(0.0, SeparationPower.of(new double[] {1, 0, 3}, new double[] {2, 0, 6}), 1e-15);
    }

    @Test
    void ignoresUnderflowAndOverflow() {
        double[] edges = {0, 1, 2};
        Histogram inside = Histogram.of(edges, new double[] {0.5, 1.5});
        Histogram withOutliers = Histogram.of(edges, new double[] {0.5, 1.5, -3, 9, 9});

        assertEquals(0.0, SeparationPower.of(inside, withOutliers), 0);
    }

    @Test
    void rejectsDifferentEdgesAndEmptyHistograms() {
        Histogram first = Histogram.of(new double[] {0, 1, 2}, new double[] {0.5});
        Histogram second = Histogram.of(new double[] {0, 1, 3}, new double[] {0.5});

        assertThrows(IllegalArgumentException.class, () -> SeparationPower.of(first, second));
        assertThrows(IllegalArgumentException.class, () -> SeparationPower.of(new double[] {0, 0}, new double[] {1, 1}));
        assertThrows(IllegalArgumentException.class, () -> SeparationPower.of(new double[] {1}, new double[] {1, 1}));
        assertThrows(IllegalArgumentException.class, () -> SeparationPower.of(new double[] {-1, 2}, new double[] {1, 1}));
    }
}
