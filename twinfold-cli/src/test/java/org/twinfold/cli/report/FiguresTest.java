package org.twinfold.cli.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FiguresTest {

    @Test
    void countsGetIntegerCentredBins() {
        double[] edges = Figures.edges(new double[] {15, 18, 20}, new double[] {16, 26}, 10);

        // 15 to 26 is 12 integers: bins of 2 integers each, from 14.5 to 26.5.
        assertArrayEquals(new double[] {14.5, 16.5, 18.5, 20.5, 22.5, 24.5, 26.5}, edges);
    }

    @Test
    void fewCountsGetOneBinEach() {
        assertArrayEquals(new double[] {-0.5, 0.5, 1.5, 2.5}, Figures.edges(new double[] {0, 1}, new double[] {2}, 30));
    }

    @Test
    void fractionalValuesKeepUniformBins() {
        double[] edges = Figures.edges(new double[] {0.25, 0.5}, new double[] {0.75}, 4);

        assertEquals(5, edges.length);
        assertEquals(0.25, edges[0], 1e-12);
        assertEquals(0.75, edges[4], 1e-12);
    }
}
