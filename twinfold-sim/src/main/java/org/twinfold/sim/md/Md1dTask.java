package org.twinfold.sim.md;

import java.util.List;
import org.twinfold.core.Generator;
import org.twinfold.core.Observable;
import org.twinfold.core.Preset;
import org.twinfold.core.SampleBatch;
import org.twinfold.core.Sampling;
import org.twinfold.core.Task;

/**
 * The task {@code md-1d}: one particle released at rest in a 1-D potential, the small systems of
 * Kadupitiya, Fox and Jadhao (arXiv:2004.06493), integrated by velocity Verlet with dt = 0.001 to t = 100
 * and saved every 0.1 tau (1,001 frames). Each preset is one system with the reference's sweep
 * ({@link Potential1d}): {@code harmonic} (the default), {@code lj-pair}, {@code double-well} and
 * {@code rugged}, with the reference's run counts split 80/20.
 *
 * <p>Deterministic: the parameter point (mass, k for the oscillator, x0) fixes the trajectory. The
 * surrogate is the LSTM operator of {@code md-lstm}, which {@code twinfold run md-1d --preset SYSTEM}
 * trains, rolls out and evaluates.
 */
public final class Md1dTask implements Task {
    /** Verlet steps per trajectory: t_f = 100 tau, the reference's 1-D run length. */
    static final int STEPS = 100_000;
    /** Verlet steps between saved frames: 0.1 tau, the smallest large step of the reference. */
    static final int SAVE_INTERVAL = 100;

    @Override
    public String name() {
        return "md-1d";
    }

    @Override
    public String description() {
        return "one particle released at rest in a 1-D potential (preset: harmonic, lj-pair, double-well or rugged),"
                + " velocity Verlet with dt = 0.001 to t = 100; position, velocity and energies every 0.1 tau";
    }

    @Override
    public Generator simulator() {
        return simulator(presets().get(0).name());
    }

    /** Returns the Verlet integrator of the preset's potential. */
    @Override
    public Generator simulator(String presetName) {
        preset(presetName);
        return new Potential1dGenerator(system(presetName), Potential1dGenerator.REFERENCE_TIME_STEP, STEPS,
                SAVE_INTERVAL);
    }

    /** Returns {@code lstm}: an operator that steps the trajectory with a long time step. */
    @Override
    public String surrogateFamily() {
        return "lstm";
    }

    @Override
    public boolean deterministic() {
        return true;
    }

    @Override
    public List<Preset> presets() {
        return List.of(
                preset("harmonic", "U = k x^2 / 2; m and k in [1, 10], x0 in [-10, -1]", 400, 100),
                preset("lj-pair", "Lennard-Jones pair, U = 4 (x^-12 - x^-6); m in [1, 10], x0 in [1, 3]", 400, 100),
                preset("double-well", "U = x^4 / 4 - x^2 / 2; m in [1, 10], x0 in [-3.1, 3.1]", 400, 100),
                preset("rugged", "a quartic with a fast sine ripple; m in [1, 10], x0 in [-6.1, 6.1]", 512, 128));
    }

    @Override
    public List<Observable> observables() {
        return List.of(
                new Observable("energy_drift", "epsilon", "E(t = 100) - E(0), the total energy change of the run",
                        Md1dTask::energyDrift),
                new Observable("mean_kinetic_energy", "epsilon", "kinetic energy averaged over the saved frames",
                        Md1dTask::meanKineticEnergy),
                new Observable("position_range", "sigma", "largest minus smallest position over the run",
                        Md1dTask::positionRange));
    }

    /**
     * Returns the potential of a preset name: presets are named after their system, and {@code lj-pair} is
     * the Lennard-Jones pair.
     *
     * @throws IllegalArgumentException for a name that is not a preset of this task
     */
    public static Potential1d system(String presetName) {
        return presetName.equals("lj-pair") ? Potential1d.LENNARD_JONES : Potential1d.parse(presetName);
    }

    private static Preset preset(String name, String description, int train, int test) {
        return new Preset(name, description + "; 'run' trains and rolls out LSTM operators at 100x, 1,000x and 4,000x"
                + " the Verlet step in about a minute",
                Sampling.LATIN_HYPERCUBE, train, test, 3000, 64, 3e-3);
    }

    static double energyDrift(SampleBatch batch, int sample) {
        int frames = frames(batch);
        return batch.value("energy", sample, 3 * (frames - 1) + 2) - batch.value("energy", sample, 2);
    }

    static double meanKineticEnergy(SampleBatch batch, int sample) {
        int frames = frames(batch);
        double sum = 0;
        for (int frame = 0; frame < frames; frame++) {
            sum += batch.value("energy", sample, 3 * frame);
        }
        return sum / frames;
    }

    static double positionRange(SampleBatch batch, int sample) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (int frame = 0; frame < frames(batch); frame++) {
            double x = batch.value("positions", sample, frame);
            low = Math.min(low, x);
            high = Math.max(high, x);
        }
        return high - low;
    }

    private static int frames(SampleBatch batch) {
        return batch.schema().field("positions").shape().get(0);
    }
}
