package org.twinfold.sim.md;

/**
 * Accelerations a_i = F_i / m of N equal-mass particles under the truncated Lennard-Jones pair forces,
 * for frames that did not come from {@link LennardJonesSystem}, such as the input or the rollout of a
 * learned operator. The forces are those of the simulation (same potential, cutoff and minimum image),
 * so positions may be unwrapped (followed across the cube's faces) or wrapped.
 *
 * <p>All pairs are summed, O(N^2) per frame. Thread-safe: every call uses its own buffers.
 *
 * @param potential pair potential, such as {@link LennardJonesGenerator#potential()}
 * @param container the container the trajectory ran in
 * @param particles N, at least 1
 */
public record PairAccelerations(LennardJones potential, Container container, int particles) {

    public PairAccelerations {
        if (potential == null || container == null) {
            throw new IllegalArgumentException("potential and container are required; got " + potential + " and "
                    + container);
        }
        if (particles < 1) {
            throw new IllegalArgumentException("particles is " + particles + "; it must be at least 1");
        }
    }

    /** Returns the accelerations of the system that {@code generator} simulates. */
    public static PairAccelerations of(LennardJonesGenerator generator) {
        return new PairAccelerations(generator.potential(), generator.container(), generator.particles());
    }

    /**
     * Writes the acceleration of every particle, flat [N, 3] in sigma / tau^2, to
     * {@code out[offset, offset + 3N)}.
     *
     * @param positions flat [N, 3] positions in sigma; only the first 3N values are read
     * @param mass mass of every particle, finite and positive
     * @throws IllegalArgumentException if there are fewer than 3N positions or the mass is not positive
     */
    public void compute(float[] positions, double mass, float[] out, int offset) {
        int values = 3 * particles;
        if (positions.length < values) {
            throw new IllegalArgumentException("positions have " + positions.length + " values; " + particles
                    + " particles need " + values);
        }
        if (!(mass > 0) || !Double.isFinite(mass)) {
            throw new IllegalArgumentException("mass is " + mass + "; it must be finite and positive");
        }

        double[] position = new double[values];
        for (int k = 0; k < values; k++) {
            position[k] = positions[k];
        }
        double[] force = new double[values];
        PairForces.allPairs(potential, container, particles).compute(position, force);
        for (int k = 0; k < values; k++) {
            out[offset + k] = (float) (force[k] / mass);
        }
    }
}
