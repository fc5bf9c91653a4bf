package org.twinfold.sim.calo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GammaVariatesTest {

    @Test
    void meanAndVarianceMatchShapeAndScale() {
        double[] shapes = {0.2, 0.9, 2.5, 40.0};
        double scale = 3.0;
        int n = 100_000;
        SplittableRandom random = new SplittableRandom(7);
        for (double shape : shapes) {
            double sum = 0;
            double sumSquares = 0;
            for (int i = 0; i < n; i++) {
                double x = GammaVariates.next(random, shape, scale);
                sum += x;
                sumSquares += x * x;
            }
            double mean = sum / n;
            double variance = sumSquares / n - mean * mean;
            // Tolerances: 5 standard errors of the mean and about 5 of the variance estimate.
            double meanError = Math.sqrt(shape) * scale / Math.sqrt(n);
            assertEquals(shape * scale, mean, 5 * meanError, "mean at shape " + shape);
            double varianceError = shape * scale * scale * Math.sqrt((2 + 6 / shape) / n);
            assertEquals(shape * scale * scale, variance, 5 * varianceError, "variance at shape " + shape);
        }
    }
}
