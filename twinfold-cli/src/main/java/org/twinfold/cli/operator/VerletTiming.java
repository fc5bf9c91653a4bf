package org.twinfold.cli.operator;

import org.twinfold.sim.md.LennardJonesGenerator;
import org.twinfold.sim.md.LennardJonesSystem;

/** Measures t_V, the wall time of one velocity Verlet step of the plan's system, on the calling thread. */
final class VerletTiming {
    /** Verlet time measured, in tau; 200,000 steps of 0.001, after as many to warm up the JIT. */
    private static final int STEPS = 200_000;

    private VerletTiming() {
    }

    /**
     * Returns t_V in seconds: the plan's system from one random start at rest, {@value #STEPS} steps to
     * warm up, then the median of five timed runs of {@code STEPS / 5} steps each.
     */
    static double stepSeconds(LennardJonesGenerator simulator, double mass, long seed) {
        LennardJonesSystem system = simulator.initialSystem(mass, seed);
        system.advance(simulator.timeStep(), STEPS);
        double[] seconds = new double[5];
        for (int run = 0; run < seconds.length; run++) {
            long start = System.nanoTime();
            system.advance(simulator.timeStep(), STEPS / seconds.length);
            seconds[run] = (System.nanoTime() - start) * 1e-9 / (STEPS / seconds.length);
        }
        java.util.Arrays.sort(seconds);
        return seconds[seconds.length / 2];
    }
}
