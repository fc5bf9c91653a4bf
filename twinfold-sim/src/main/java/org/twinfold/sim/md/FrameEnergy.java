package org.twinfold.sim.md;

/**
 * Energies of one saved frame of a 3-D Lennard-Jones trajectory, for checking a trajectory that did not
 * come from {@link LennardJonesSystem}, such as the rollout of a learned operator:
 *
 * <pre>
 *   K = (m / 2) sum_i |v_i|^2,   U = sum_{i < j} u_shifted(|r_i - r_j|),   E = K + U
 * </pre>
 *
 * in units of epsilon. Pair distances use the minimum image in a periodic cube, so positions may be
 * unwrapped (followed across the cube's faces) or wrapped; both give the same U.
 */
public final class FrameEnergy {

    private FrameEnergy() {
    }

    /**
     * Returns the total energy E = K + U of one frame.
     *
     * @param potential pair potential, such as {@link LennardJonesGenerator#potential()}
     * @param container the container the trajectory ran in
     * @param mass mass of every particle, positive
     * @param positions flat [N, 3] positions, in sigma
     * @param velocities flat [N, 3] velocities, in sigma / tau
     */
    public static double total(LennardJones potential, Container container, double mass, float[] positions,
                               float[] velocities) {
        return kinetic(mass, velocities) + potential(potential, container, positions);
    }

    /** Returns K = (m / 2) sum |v_i|^2, in epsilon. */
    public static double kinetic(double mass, float[] velocities) {
        double sum = 0;
        for (float v : velocities) {
            sum += (double) v * v;
        }
        return 0.5 * mass * sum;
    }

    /** Returns U, the shifted Lennard-Jones energy of all pairs within the cutoff, in epsilon. */
    public static double potential(LennardJones potential, Container container, float[] positions) {
        if (positions.length == 0 || positions.length % 3 != 0) {
            throw new IllegalArgumentException("positions have " + positions.length
                    + " values; expected 3 per particle and at least one particle");
        }
        double[] position = new double[positions.length];
        for (int k = 0; k < positions.length; k++) {
            position[k] = positions[k];
        }
        PairForces forces = PairForces.allPairs(potential, container, position.length / 3);
        return forces.compute(position, new double[position.length]);
    }
}
