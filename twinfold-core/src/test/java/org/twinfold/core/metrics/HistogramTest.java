package org.twinfold.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.twinfold.core.testkit.AllClose.assertAllClose;

import org.junit.jupiter.api.Test;

class HistogramTest {

    private static final double[] EDGES = {0, 1, 2, 3};

    @Test
    void fillsBinsAndOutOfRangeWeights() {
        double[] values = {-1, 0, 0.5, 1, 2.5, 3, 3.5, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};

        Histogram histogram = Histogram.of(EDGES, values);

        assertAllClose(new double[] {2, 1, 2}, histogram.counts(), 0, 0);
        assertEquals(2, histogram.underflow());
        assertEquals(2, histogram.overflow());
        assertEquals(1, histogram.nanWeight());
        assertEquals(5, histogram.total());
    }

    @Test
    void upperEdgeBelongsToLastBin() {
        Histogram histogram = Histogram.of(EDGES, new double[] {3.0, Math.nextDown(3.0), Math.nextUp(3.0)});

        assertEquals(2, histogram.count(2));
        assertEquals(1, histogram.overflow());
    }

    @Test
    void sumsWeights() {
        Histogram histogram = Histogram.of(EDGES, new double[] {0.5, 0.7, 2.2, -4}, new double[] {2, 0.5, 3, 7});

        assertAllClose(new double[] {2.5, 0, 3}, histogram.counts(), 0, 1e-15);
        assertEquals(7, histogram.underflow());
    }

    @Test
    void normalizedCountsSumToOne() {
        Histogram histogram = Histogram.of(EDGES, new double[] {0.1, 0.2, 1.5, 2.5, 2.6, 9});

        assertAllClose(new double[] {0.4, 0.2, 0.4}, histogram.normalizedCounts(), 1e-15, 0);
    }

    @Test
    void densitiesIntegrateToOneWithUnequalWidths() {
        Histogram histogram = Histogram.of(new double[] {0, 1, 3}, new double[] {0.5, 2, 2.5});

        double[] densities = histogram.densities();

        assertAllClose(new double[] {1.0 / 3, 1.0 / 3}, densities, 1e-15, 0);
        double[] widths = histogram.binWidths();
        assertEquals(1.0, densities[0] * widths[0] + densities[1] * widths[1], 1e-15);
    }

    @Test
    void centersAndWidths() {
        Histogram histogram = Histogram.of(new double[] {0, 1, 3}, new double[0]);

        assertAllClose(new double[] {0.5, 2}, histogram.binCenters(), 0, 0);
        assertAllClose(new double[] {1, 2}, histogram.binWidths(), 0, 0);
    }

    @Test
    void emptyHistogramCannotBeNormalized() {
        Histogram histogram = Histogram.of(EDGES, new double[] {-5, 7});

        IllegalStateException error = assertThrows(IllegalStateException.class, histogram::normalizedCounts);
        assertTrue(error.getMessage().contains("underflow 1.0"), error.getMessage());
    }

    @Test
    void rejectsBadEdges() {
        IllegalArgumentException decreasing = assertThrows(IllegalArgumentException.class,
                () -> Histogram.of(new double[] {0, 2, 1}, new double[0]));
        assertTrue(decreasing.getMessage().contains("edges[2]"), decreasing.getMessage());

        assertThrows(IllegalArgumentException.class, () -> Histogram.of(new double[] {0}, new double[0]));
        assertThrows(IllegalArgumentException.class,
                () -> Histogram.of(new double[] {0, Double.POSITIVE_INFINITY}, new double[0]));
    }

    @Test
    void rejectsBadWeights() {
        assertThrows(IllegalArgumentException.class,
                () -> Histogram.of(EDGES, new double[] {1, 2}, new double[] {1}));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Histogram.of(EDGES, new double[] {1, 2}, new double[] {1, Double.NaN}));
        assertTrue(error.getMessage().contains("weights[1]"), error.getMessage());
    }

    @Test
    void edgesAreCopied() {
        double[] edges = {0, 1, 2};
        Histogram histogram = Histogram.of(edges, new double[] {0.5});

        edges[1] = 1.5;
        histogram.edges()[0] = -1;

        assertAllClose(new double[] {0, 1, 2}, histogram.edges(), 0, 0);
        assertTrue(histogram.hasSameEdges(Histogram.of(new double[] {0, 1, 2}, new double[0])));
        assertFalse(histogram.hasSameEdges(Histogram.of(edges, new double[0])));
    }
}
