package org.twinfold.sim.oscillator;

import java.util.List;
import org.twinfold.core.Generator;
import org.twinfold.core.Observable;
import org.twinfold.core.Preset;
import org.twinfold.core.Sampling;
import org.twinfold.core.Task;

/**
 * The damped-oscillator task: a deterministic operator from (omega, zeta, x0) to a trajectory,
 * small enough that an end-to-end run with a surrogate finishes in a few minutes on a laptop.
 */
public final class OscillatorTask implements Task {
    /** Runge-Kutta steps per saved point; 0.1 ms steps keep the integration error near 1e-12 m. */
    static final int STEPS_PER_SAMPLE = 1000;

    @Override
    public String name() {
        return "oscillator";
    }

    @Override
    public String description() {
        return "damped harmonic oscillator x(t) over 10 s from (omega, zeta, x0), integrated by Runge-Kutta 4";
    }

    @Override
    public Generator simulator() {
        return new DampedOscillator(STEPS_PER_SAMPLE);
    }

    @Override
    public boolean deterministic() {
        return true;
    }

    @Override
    public List<Observable> observables() {
        return List.of(
                new Observable("final_position", "m", "x at t = 9.9 s",
                        (batch, i) -> batch.value("position", i, DampedOscillator.POINTS - 1)),
                new Observable("first_minimum", "m", "smallest x over the trajectory",
                        (batch, i) -> extreme(batch.floats("position"), i, false)),
                new Observable("late_amplitude", "m", "largest |x| over t in [5, 9.9] s",
                        OscillatorTask::lateAmplitude));
    }

    @Override
    public List<Preset> presets() {
        return List.of(
                new Preset("quick", "a check in under a minute on 2 cores: 512 training trajectories",
                        Sampling.LATIN_HYPERCUBE, 512, 128, 1500, 64, 3e-3),
                new Preset("large", "a denser sweep for a more accurate surrogate: 8,192 trajectories",
                        Sampling.LATIN_HYPERCUBE, 8192, 1024, 20000, 256, 1e-3));
    }

    private static double extreme(float[] positions, int sample, boolean maximum) {
        double best = maximum ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        for (int t = 0; t < DampedOscillator.POINTS; t++) {
            double value = positions[sample * DampedOscillator.POINTS + t];
            best = maximum ? Math.max(best, value) : Math.min(best, value);
        }
        return best;
    }

    private static double lateAmplitude(org.twinfold.core.SampleBatch batch, int sample) {
        double amplitude = 0;
        for (int t = DampedOscillator.POINTS / 2; t < DampedOscillator.POINTS; t++) {
            amplitude = Math.max(amplitude, Math.abs(batch.value("position", sample, t)));
        }
        return amplitude;
    }
}
