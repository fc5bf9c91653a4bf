package org.twinfold.sim.cpm;

import java.util.Locale;

/**
 * Times preset 1 (the CompuCell3D model of Comlekoglu et al., 256 x 256, about 1,000 cells, VEGF with
 * 5 sub-steps per MCS) on one thread and prints copy attempts per second, MCS per second and the
 * share of wall time spent in the Metropolis sweep and in the VEGF solver.
 *
 * <p>Usage: {@code java -cp ... org.twinfold.sim.cpm.CpmBenchmark [mcs] [seed] [J_EC_medium] [decay]},
 * defaults 2000 MCS, seed 1, J 8.2, decay 0.6. A command-line program, so it prints to stdout.
 */
public final class CpmBenchmark {

    private CpmBenchmark() {
    }

    public static void main(String[] args) {
        int mcs = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 1L;
        double contact = args.length > 2 ? Double.parseDouble(args[2]) : 8.2;
        double decay = args.length > 3 ? Double.parseDouble(args[3]) : 0.6;

        CpmPreset preset = CpmPresets.comlekogluRun(contact, decay, CpmPresets.COMLEKOGLU_SIDE,
                CpmPresets.COMLEKOGLU_SIDE, mcs);
        CpmSimulation simulation = preset.start(seed);
        long start = System.nanoTime();
        simulation.run(mcs);
        double seconds = (System.nanoTime() - start) * 1e-9;

        long attempts = (long) mcs * preset.parameters().sites();
        double metropolis = simulation.metropolisNanos() * 1e-9;
        double pde = simulation.pdeNanos() * 1e-9;
        System.out.printf(Locale.ROOT, "preset 1, %d x %d, %d cells, J_EC_medium %.3g, decay %.3g, seed %d%n",
                preset.parameters().width(), preset.parameters().height(), simulation.lattice().cellCount(),
                contact, decay, seed);
        System.out.printf(Locale.ROOT, "%d MCS in %.2f s: %.1f MCS/s, %.3g copy attempts/s, %.3g accepted copies/s%n",
                mcs, seconds, mcs / seconds, attempts / seconds, simulation.acceptedCopies() / seconds);
        System.out.printf(Locale.ROOT, "Metropolis %.2f s (%.1f %%), PDE %.2f s (%.1f %%), %.2f ns per attempt,"
                        + " %.2f ns per PDE site update%n", metropolis, 100 * metropolis / seconds, pde,
                100 * pde / seconds, 1e9 * metropolis / attempts,
                1e9 * pde / ((double) mcs * preset.parameters().pdeSubsteps() * preset.parameters().sites()));
        System.out.printf(Locale.ROOT, "20,000 MCS would take %.1f s at this rate%n", seconds / mcs * 20_000);
    }
}
