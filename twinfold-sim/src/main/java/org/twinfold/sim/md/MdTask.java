package org.twinfold.sim.md;

import java.util.List;
import org.twinfold.core.Generator;
import org.twinfold.core.Observable;
import org.twinfold.core.Preset;
import org.twinfold.core.SampleBatch;
import org.twinfold.core.Sampling;
import org.twinfold.core.Task;

/**
 * The 3-D Lennard-Jones task {@code md-lj}: trajectories of 16 particles (epsilon 2, sigma 1,
 * cutoff 2.5, periodic cube of side 10) from random starts at rest, the system behind the
 * figures of Kadupitiya, Fox and Jadhao (arXiv:2004.06493). A surrogate learns to advance the
 * trajectory with a time step much larger than Verlet's 0.001.
 *
 * <p>Not deterministic in the sense of {@link Task#deterministic()}: the seed draws the initial
 * positions, so the same mass with two seeds gives two different trajectories. Given the mass and
 * the seed, the trajectory is fixed bit for bit.
 */
public final class MdTask implements Task {
    /** Steps between saved frames in both presets: 0.1 tau, the smallest large step of the reference. */
    static final int SAVE_INTERVAL = 100;
    /** Steps per trajectory in the quick preset: t_f = 20 tau. */
    static final int QUICK_STEPS = 20_000;
    /** Steps per trajectory in the paper preset: t_f = 2000 tau. */
    static final int PAPER_STEPS = 2_000_000;

    @Override
    public String name() {
        return "md-lj";
    }

    @Override
    public String description() {
        return "16 Lennard-Jones particles in a periodic cube from random starts at rest, velocity Verlet "
                + "with dt = 0.001; positions, velocities and energies every 0.1 tau";
    }

    @Override
    public Generator simulator() {
        return simulator("quick");
    }

    /**
     * Returns the simulator at a preset's run length: t_f = 20 for {@code quick} and t_f = 2000 for
     * {@code paper}. A paper-scale trajectory of 20,001 frames takes about 7.7 MB as float32, so its
     * 5,000 runs take about 38 GB.
     */
    @Override
    public Generator simulator(String presetName) {
        preset(presetName);
        int steps = presetName.equals("paper") ? PAPER_STEPS : QUICK_STEPS;
        return LennardJonesGenerator.builder()
                .particles(16)
                .geometry(Geometry.PERIODIC_CUBE)
                .totalSteps(steps)
                .saveInterval(SAVE_INTERVAL)
                .build();
    }

    /** Returns {@code lstm}: an operator that steps the trajectory with a long time step. */
    @Override
    public String surrogateFamily() {
        return "lstm";
    }

    @Override
    public boolean deterministic() {
        return false;
    }

    @Override
    public List<Preset> presets() {
        return List.of(
                new Preset("quick", "for simulate and train, trajectories of t = 20; 'run' follows its own plan "
                        + "(256 + 32 trajectories of t = 60, operators at 100x, 1,000x and 4,000x, about 5 minutes; "
                        + "'run --preset smoke' is a seconds-long check)",
                        Sampling.LATIN_HYPERCUBE, 256, 64, 2000, 128, 1e-3),
                new Preset("paper", "the published scale: 5,000 trajectories of t = 2000, split 80/20 ('run' plan: "
                        + "4,000 + 1,000 trajectories)",
                        Sampling.LATIN_HYPERCUBE, 4000, 1000, 200_000, 128, 1e-3));
    }

    @Override
    public List<Observable> observables() {
        return List.of(
                new Observable("energy_drift_per_particle", "epsilon",
                        "(E(t_f) - E(0)) / N, the total energy change over the run per particle",
                        MdTask::energyDriftPerParticle),
                new Observable("mean_kinetic_energy_per_particle", "epsilon",
                        "kinetic energy per particle averaged over all saved frames",
                        MdTask::meanKineticEnergyPerParticle),
                new Observable("final_rms_radius", "sigma",
                        "root mean square distance of the particles from the origin at t_f",
                        MdTask::finalRmsRadius));
    }

    static double energyDriftPerParticle(SampleBatch batch, int sample) {
        int frames = frames(batch);
        double initial = batch.value("energy", sample, 2);
        double last = batch.value("energy", sample, 3 * (frames - 1) + 2);
        return (last - initial) / particles(batch);
    }

    static double meanKineticEnergyPerParticle(SampleBatch batch, int sample) {
        int frames = frames(batch);
        double sum = 0;
        for (int frame = 0; frame < frames; frame++) {
            sum += batch.value("energy", sample, 3 * frame);
        }
        return sum / frames / particles(batch);
    }

    static double finalRmsRadius(SampleBatch batch, int sample) {
        int particles = particles(batch);
        int offset = (frames(batch) - 1) * particles * 3;
        double sum = 0;
        for (int k = 0; k < 3 * particles; k++) {
            double x = batch.value("positions", sample, offset + k);
            sum += x * x;
        }
        return Math.sqrt(sum / particles);
    }

    private static int frames(SampleBatch batch) {
        return batch.schema().field("positions").shape().get(0);
    }

    private static int particles(SampleBatch batch) {
        return batch.schema().field("positions").shape().get(1);
    }
}
