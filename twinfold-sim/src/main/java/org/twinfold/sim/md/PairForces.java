package org.twinfold.sim.md;

import java.util.Arrays;

/**
 * Lennard-Jones forces and potential energy of N particles, by a plain loop over all pairs (O(N^2)
 * per step) or over a Verlet {@link NeighbourList} built from cells (O(N) per step).
 *
 * <p>The neighbour list needs a periodic cube at least 3 (r_c + skin) wide; the sphere and small
 * cubes use all pairs. Both loops give the same forces up to the order of summation.
 *
 * <p>Not thread-safe: it reuses its list. Use one instance per trajectory.
 */
final class PairForces {
    /** Below this many particles the all-pairs loop is faster than keeping a neighbour list. */
    static final int NEIGHBOUR_LIST_MIN_PARTICLES = 128;
    /** Skin of the neighbour list, in sigma; 0.3 is the usual choice for a Lennard-Jones liquid. */
    static final double SKIN = 0.3;

    private final int count;
    private final NeighbourList neighbourList;
    private final boolean periodic;
    private final double side;
    private final double inverseSide;
    private final double cutoffSquared;
    private final double sigmaSquared;
    private final double fourEpsilon;
    private final double twentyFourEpsilon;
    private final double energyShift;

    private PairForces(LennardJones potential, Container container, int count, boolean useNeighbourList) {
        this.count = count;
        this.periodic = container.periodic();
        this.side = container.size();
        this.inverseSide = 1.0 / container.size();
        this.cutoffSquared = potential.cutoffSquared();
        this.sigmaSquared = potential.sigma() * potential.sigma();
        this.fourEpsilon = 4.0 * potential.epsilon();
        this.twentyFourEpsilon = 24.0 * potential.epsilon();
        this.energyShift = potential.unshiftedEnergy(potential.cutoffSquared());
        this.neighbourList = useNeighbourList
                ? new NeighbourList(count, container.size(), potential.cutoff(), SKIN)
                : null;
    }

    /** Returns the neighbour-list loop where it applies (periodic cube, m >= 3, enough particles), else all pairs. */
    static PairForces automatic(LennardJones potential, Container container, int count) {
        boolean fits = container.periodic()
                && NeighbourList.cellsPerSide(container.size(), potential.cutoff(), SKIN) >= 3;
        return new PairForces(potential, container, count, fits && count >= NEIGHBOUR_LIST_MIN_PARTICLES);
    }

    static PairForces allPairs(LennardJones potential, Container container, int count) {
        return new PairForces(potential, container, count, false);
    }

    /**
     * Returns the neighbour-list loop whatever the particle count, for tests that compare it with all pairs.
     *
     * @throws IllegalArgumentException if the container is not a periodic cube at least 3 (r_c + skin) wide
     */
    static PairForces neighbourList(LennardJones potential, Container container, int count) {
        if (!container.periodic()) {
            throw new IllegalArgumentException("a neighbour list needs a periodic cube; got " + container);
        }
        return new PairForces(potential, container, count, true);
    }

    boolean usesNeighbourList() {
        return neighbourList != null;
    }

    /** Returns how many times the neighbour list was built; zero for the all-pairs loop. */
    int neighbourListBuilds() {
        return neighbourList == null ? 0 : neighbourList.builds();
    }

    /**
     * Overwrites {@code force} with the force on each particle and returns the total potential energy.
     *
     * @param position flat [N, 3] positions; inside the cube for a periodic container
     * @param force flat [N, 3] output
     */
    double compute(double[] position, double[] force) {
        Arrays.fill(force, 0.0);
        return neighbourList != null ? listLoop(position, force) : allPairsLoop(position, force);
    }

    private double allPairsLoop(double[] position, double[] force) {
        double energy = 0;
        for (int i = 0; i < count; i++) {
            for (int j = i + 1; j < count; j++) {
                energy += pair(position, force, i, j);
            }
        }
        return energy;
    }

    private double listLoop(double[] position, double[] force) {
        neighbourList.update(position);

        int[] partners = neighbourList.partners();
        double energy = 0;
        for (int i = 0; i < count; i++) {
            int end = neighbourList.end(i);
            for (int k = neighbourList.start(i); k < end; k++) {
                energy += pair(position, force, i, partners[k]);
            }
        }
        return energy;
    }

    // Adds the pair force to both particles and returns the pair energy. This is the hot loop, so the
    // potential's constants are cached in fields and r^-2 costs one division.
    private double pair(double[] position, double[] force, int i, int j) {
        int a = 3 * i;
        int b = 3 * j;
        double dx = position[a] - position[b];
        double dy = position[a + 1] - position[b + 1];
        double dz = position[a + 2] - position[b + 2];
        if (periodic) {
            dx -= side * Math.rint(dx * inverseSide);
            dy -= side * Math.rint(dy * inverseSide);
            dz -= side * Math.rint(dz * inverseSide);
        }
        double r2 = dx * dx + dy * dy + dz * dz;
        if (r2 >= cutoffSquared) {
            return 0.0;
        }

        double inverseR2 = 1.0 / r2;
        double s2 = sigmaSquared * inverseR2;
        double s6 = s2 * s2 * s2;
        double scale = twentyFourEpsilon * s6 * (2.0 * s6 - 1.0) * inverseR2;
        force[a] += scale * dx;
        force[a + 1] += scale * dy;
        force[a + 2] += scale * dz;
        force[b] -= scale * dx;
        force[b + 1] -= scale * dy;
        force[b + 2] -= scale * dz;
        return fourEpsilon * s6 * (s6 - 1.0) - energyShift;
    }
}
