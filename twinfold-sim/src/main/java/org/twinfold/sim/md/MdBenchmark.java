package org.twinfold.sim.md;

import java.io.PrintStream;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Measures velocity Verlet steps per second on one thread for two systems:
 *
 * <ul>
 *   <li>N = 16: the reference system, 16 particles from a random start at rest in [-3, 3]^3 in a
 *       periodic cube of side 10, epsilon 2, cutoff 2.5, all-pairs forces.
 *   <li>N = 1,000: a Lennard-Jones liquid at density 0.8442 (cube side 10.58), epsilon 1, cutoff 2.5,
 *       started on a simple cubic lattice with Gaussian velocities at temperature 1, neighbour-list forces.
 * </ul>
 *
 * <p>Usage: {@code MdBenchmark} runs both; {@code MdBenchmark N STEPS [DENSITY]} runs the liquid with
 * N particles for STEPS steps and prints one line {@code steps_per_second=...}, for scripts that compare
 * with other codes. Each measurement follows a warm-up run of the same length so that the JIT has
 * compiled the force loop.
 */
public final class MdBenchmark {
    /** Density of the standard Lennard-Jones liquid benchmark, in particles per sigma^3. */
    static final double LIQUID_DENSITY = 0.8442;

    private MdBenchmark() {
    }

    public static void main(String[] args) {
        PrintStream out = System.out;
        if (args.length >= 2) {
            int particles = Integer.parseInt(args[0]);
            int steps = Integer.parseInt(args[1]);
            double density = args.length >= 3 ? Double.parseDouble(args[2]) : LIQUID_DENSITY;
            double rate = measure(liquid(particles, density, 1.0, 1L), steps);
            out.printf(Locale.ROOT, "steps_per_second=%.1f%n", rate);
            return;
        }

        out.printf(Locale.ROOT, "java %s, %s, one thread%n", System.getProperty("java.version"),
                System.getProperty("os.arch"));
        double small = measure(referenceSystem(), 500_000);
        out.printf(Locale.ROOT, "N = 16 (reference, periodic cube, all pairs): %.0f steps/s%n", small);
        LennardJonesSystem liquid = liquid(1000, LIQUID_DENSITY, 1.0, 1L);
        double large = measure(liquid, 2_000);
        out.printf(Locale.ROOT, "N = 1000 (liquid, density %.4f, neighbour list %s): %.0f steps/s%n",
                LIQUID_DENSITY, liquid.usesNeighbourList(), large);
    }

    /** Returns the reference's 16-particle system from seed 1. */
    static LennardJonesSystem referenceSystem() {
        return LennardJonesGenerator.builder().particles(16).build().initialSystem(1.0, 1L);
    }

    /**
     * Returns a Lennard-Jones liquid (epsilon 1, sigma 1, cutoff 2.5, mass 1) on a simple cubic
     * lattice in a periodic cube, with Gaussian velocities at the given temperature and zero total momentum.
     */
    static LennardJonesSystem liquid(int particles, double density, double temperature, long seed) {
        double side = Math.cbrt(particles / density);
        double[] position = InitialPositions.cubicLattice(particles, side);
        double[] velocity = new double[position.length];
        SplittableRandom random = new SplittableRandom(seed);
        double spread = Math.sqrt(temperature);
        for (int k = 0; k < velocity.length; k++) {
            velocity[k] = spread * random.nextGaussian();
        }

        // Remove the centre-of-mass velocity so the liquid does not drift.
        for (int d = 0; d < 3; d++) {
            double mean = 0;
            for (int i = 0; i < particles; i++) {
                mean += velocity[3 * i + d];
            }
            mean /= particles;
            for (int i = 0; i < particles; i++) {
                velocity[3 * i + d] -= mean;
            }
        }
        return LennardJonesSystem.create(new LennardJones(1.0, 1.0, 2.5), Container.periodicCube(side), 1.0,
                position, velocity);
    }

    /** Runs {@code steps} steps twice (warm-up, then timed) and returns timed steps per second. */
    static double measure(LennardJonesSystem system, int steps) {
        system.advance(0.001, steps);
        long start = System.nanoTime();
        system.advance(0.001, steps);
        double seconds = (System.nanoTime() - start) * 1e-9;
        return steps / seconds;
    }
}
