package org.twinfold.sim.md;

import java.util.Objects;

/**
 * N equal-mass Lennard-Jones particles in a {@link Container}, advanced by velocity Verlet:
 *
 * <pre>
 *   v(t + dt/2) = v(t) + (dt / 2m) F(x(t))
 *   x(t + dt)   = x(t) + dt v(t + dt/2), then wrapped (cube) or reflected (sphere)
 *   v(t + dt)   = v(t + dt/2) + (dt / 2m) F(x(t + dt))
 * </pre>
 *
 * <p>Velocity Verlet is symplectic and second order: over a fixed time the energy error scales as
 * dt^2 and does not drift while the force is smooth. The force jump at the cutoff and the sphere
 * reflections break smoothness and add a small error each time a pair crosses r_c or a particle
 * hits the wall.
 *
 * <p>Arrays are flat [N, 3], row-major, in double precision. Mutable and not thread-safe: one instance
 * is one trajectory.
 */
public final class LennardJonesSystem {
    private final LennardJones potential;
    private final Container container;
    private final double mass;
    private final int count;
    private final double[] position;
    private final double[] velocity;
    private final double[] force;
    private final PairForces pairForces;
    private double potentialEnergy;

    private LennardJonesSystem(LennardJones potential, Container container, double mass, double[] position,
                               double[] velocity, PairForces pairForces) {
        this.potential = potential;
        this.container = container;
        this.mass = mass;
        this.count = position.length / 3;
        this.position = position.clone();
        this.velocity = velocity.clone();
        this.force = new double[position.length];
        this.pairForces = pairForces;
        container.confine(this.position, this.velocity);
        this.potentialEnergy = pairForces.compute(this.position, force);
    }

    /**
     * Creates a system and computes its initial forces. The force loop uses a Verlet neighbour list
     * built from cells for a periodic cube at least three times (cutoff + {@value PairForces#SKIN}) wide
     * with at least {@value PairForces#NEIGHBOUR_LIST_MIN_PARTICLES} particles, and all pairs otherwise.
     *
     * @param mass mass of every particle, positive
     * @param position flat [N, 3] initial positions, copied
     * @param velocity flat [N, 3] initial velocities, copied
     */
    public static LennardJonesSystem create(LennardJones potential, Container container, double mass,
                                            double[] position, double[] velocity) {
        validate(potential, container, mass, position, velocity);
        int count = position.length / 3;
        return new LennardJonesSystem(potential, container, mass, position, velocity,
                PairForces.automatic(potential, container, count));
    }

    /** Creates a system that always uses the all-pairs loop, for tests that compare the two loops. */
    static LennardJonesSystem createAllPairs(LennardJones potential, Container container, double mass,
                                             double[] position, double[] velocity) {
        validate(potential, container, mass, position, velocity);
        return new LennardJonesSystem(potential, container, mass, position, velocity,
                PairForces.allPairs(potential, container, position.length / 3));
    }

    /** Creates a system that always uses the neighbour list, for tests that compare the two loops. */
    static LennardJonesSystem createNeighbourList(LennardJones potential, Container container, double mass,
                                                  double[] position, double[] velocity) {
        validate(potential, container, mass, position, velocity);
        return new LennardJonesSystem(potential, container, mass, position, velocity,
                PairForces.neighbourList(potential, container, position.length / 3));
    }

    private static void validate(LennardJones potential, Container container, double mass, double[] position,
                                 double[] velocity) {
        Objects.requireNonNull(potential, "potential");
        Objects.requireNonNull(container, "container");
        if (!(mass > 0) || !Double.isFinite(mass)) {
            throw new IllegalArgumentException("mass is " + mass + "; it must be finite and positive");
        }
        if (position.length == 0 || position.length % 3 != 0) {
            throw new IllegalArgumentException("positions have " + position.length
                    + " values; expected 3 per particle and at least one particle");
        }
        if (velocity.length != position.length) {
            throw new IllegalArgumentException("velocities have " + velocity.length + " values; expected "
                    + position.length + " to match the positions");
        }
        if (container.periodic() && potential.cutoff() > 0.5 * container.size()) {
            throw new IllegalArgumentException("cutoff " + potential.cutoff() + " exceeds half the cube side "
                    + container.size() + "; the minimum image needs a side of at least 2 cutoffs, so enlarge "
                    + "the box or shorten the cutoff");
        }
    }

    /** Advances the system by {@code steps} velocity Verlet steps of length {@code dt}. */
    public void advance(double dt, int steps) {
        double halfKick = 0.5 * dt / mass;
        for (int step = 0; step < steps; step++) {
            kick(halfKick);
            for (int k = 0; k < position.length; k++) {
                position[k] += dt * velocity[k];
            }
            container.confine(position, velocity);
            potentialEnergy = pairForces.compute(position, force);
            kick(halfKick);
        }
    }

    private void kick(double halfKick) {
        for (int k = 0; k < velocity.length; k++) {
            velocity[k] += halfKick * force[k];
        }
    }

    public int count() {
        return count;
    }

    public double mass() {
        return mass;
    }

    public LennardJones potential() {
        return potential;
    }

    public Container container() {
        return container;
    }

    /** Returns the kinetic energy, sum of m v^2 / 2, in units of epsilon. */
    public double kineticEnergy() {
        double sum = 0;
        for (double v : velocity) {
            sum += v * v;
        }
        return 0.5 * mass * sum;
    }

    /** Returns the potential energy at the current positions, in units of epsilon. */
    public double potentialEnergy() {
        return potentialEnergy;
    }

    /** Returns a copy of the flat [N, 3] positions. */
    public double[] positions() {
        return position.clone();
    }

    /** Returns a copy of the flat [N, 3] velocities. */
    public double[] velocities() {
        return velocity.clone();
    }

    /** Returns a copy of the flat [N, 3] forces at the current positions. */
    public double[] forces() {
        return force.clone();
    }

    /** Copies the positions, rounded to float, into {@code out} from {@code offset}. */
    void copyPositions(float[] out, int offset) {
        for (int k = 0; k < position.length; k++) {
            out[offset + k] = (float) position[k];
        }
    }

    /** Copies the velocities, rounded to float, into {@code out} from {@code offset}. */
    void copyVelocities(float[] out, int offset) {
        for (int k = 0; k < velocity.length; k++) {
            out[offset + k] = (float) velocity[k];
        }
    }

    /** Returns true when the forces use a neighbour list rather than all pairs. */
    boolean usesNeighbourList() {
        return pairForces.usesNeighbourList();
    }

    /** Returns how many times the neighbour list was built; zero for the all-pairs loop. */
    int neighbourListBuilds() {
        return pairForces.neighbourListBuilds();
    }
}
