package org.twinfold.sim.calo;

import java.util.SplittableRandom;

/**
 * Gamma-distributed random numbers by Marsaglia and Tsang's squeeze method ("A simple method for
 * generating gamma variables", ACM TOMS 26, 2000), with the u^(1/k) boost for shapes below 1.
 * Uses {@link StrictMath} so that a seed gives the same numbers on every JVM.
 */
final class GammaVariates {

    private GammaVariates() {
    }

    /**
     * Draws from Gamma(shape k, scale theta), mean k theta and variance k theta^2.
     *
     * @param shape k, positive
     * @param scale theta, positive
     */
    static double next(SplittableRandom random, double shape, double scale) {
        if (shape < 1) {
            // Gamma(k) = Gamma(k + 1) * U^(1/k) for k < 1.
            double boost = StrictMath.pow(random.nextDouble(), 1 / shape);
            return standard(random, shape + 1) * boost * scale;
        }
        return standard(random, shape) * scale;
    }

    private static double standard(SplittableRandom random, double shape) {
        double d = shape - 1.0 / 3.0;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = random.nextGaussian();
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = random.nextDouble();
            double x2 = x * x;
            if (u < 1 - 0.0331 * x2 * x2) {
                return d * v;
            }
            if (StrictMath.log(u) < 0.5 * x2 + d * (1 - v + StrictMath.log(v))) {
                return d * v;
            }
        }
    }
}
