package org.twinfold.sim.md;

import java.util.SplittableRandom;

/**
 * Starting positions of a 3-D system.
 *
 * <p>{@link #random} follows the reference: coordinates uniform in [-a, a]^3 (a = 3 sigma there),
 * drawn one particle at a time and redrawn while the particle is closer than a minimum separation to
 * one already placed. Distances use the minimum image in a periodic container. The reference code
 * compared distances from the origin rather than pair distances; this class checks true pair distances.
 */
public final class InitialPositions {
    /** Draws per particle before the placement is declared impossible. */
    static final int ATTEMPTS_PER_PARTICLE = 100_000;

    private InitialPositions() {
    }

    /**
     * Draws {@code count} positions uniformly in [-halfWidth, halfWidth]^3 with every pair at least
     * {@code minSeparation} apart.
     *
     * @return flat [N, 3] positions
     * @throws IllegalStateException if a particle cannot be placed in {@value #ATTEMPTS_PER_PARTICLE}
     *     draws; lower the particle count or the minimum separation, or widen the range
     */
    public static double[] random(int count, double halfWidth, double minSeparation, Container container,
                                  SplittableRandom random) {
        if (count < 1) {
            throw new IllegalArgumentException("particle count is " + count + "; it must be at least 1");
        }
        if (!(halfWidth > 0) || !(minSeparation >= 0)) {
            throw new IllegalArgumentException("half width " + halfWidth + " and minimum separation "
                    + minSeparation + " must be positive and non-negative");
        }

        double[] position = new double[3 * count];
        double minSquared = minSeparation * minSeparation;
        for (int i = 0; i < count; i++) {
            int attempts = 0;
            do {
                if (++attempts > ATTEMPTS_PER_PARTICLE) {
                    throw new IllegalStateException("could not place particle " + (i + 1) + " of " + count
                            + " at least " + minSeparation + " from the others in [-" + halfWidth + ", "
                            + halfWidth + "]^3 after " + ATTEMPTS_PER_PARTICLE + " draws; lower the particle "
                            + "count or the minimum separation, or widen the range");
                }
                for (int d = 0; d < 3; d++) {
                    position[3 * i + d] = halfWidth * (2 * random.nextDouble() - 1);
                }
            } while (tooClose(position, i, minSquared, container));
        }
        return position;
    }

    /**
     * Places {@code count} particles on a simple cubic lattice filling a periodic cube, the first
     * ceil(N^(1/3))^3 sites in order, for benchmarks and comparisons with other codes.
     *
     * @return flat [N, 3] positions inside [-L/2, L/2)^3
     */
    public static double[] cubicLattice(int count, double side) {
        int perSide = (int) Math.ceil(Math.cbrt(count) - 1e-9);
        double spacing = side / perSide;
        double[] position = new double[3 * count];
        for (int i = 0; i < count; i++) {
            int ix = i % perSide;
            int iy = (i / perSide) % perSide;
            int iz = i / (perSide * perSide);
            position[3 * i] = -0.5 * side + (ix + 0.5) * spacing;
            position[3 * i + 1] = -0.5 * side + (iy + 0.5) * spacing;
            position[3 * i + 2] = -0.5 * side + (iz + 0.5) * spacing;
        }
        return position;
    }

    /** Returns the smallest pair distance, with the minimum image in a periodic container. */
    public static double minimumSeparation(double[] position, Container container) {
        double min = Double.POSITIVE_INFINITY;
        int count = position.length / 3;
        for (int i = 0; i < count; i++) {
            for (int j = i + 1; j < count; j++) {
                min = Math.min(min, Math.sqrt(distanceSquared(position, i, j, container)));
            }
        }
        return min;
    }

    private static boolean tooClose(double[] position, int newest, double minSquared, Container container) {
        for (int j = 0; j < newest; j++) {
            if (distanceSquared(position, newest, j, container) < minSquared) {
                return true;
            }
        }
        return false;
    }

    static double distanceSquared(double[] position, int i, int j, Container container) {
        double sum = 0;
        for (int d = 0; d < 3; d++) {
            double delta = position[3 * i + d] - position[3 * j + d];
            if (container.periodic()) {
                delta -= container.size() * Math.rint(delta / container.size());
            }
            sum += delta * delta;
        }
        return sum;
    }
}
