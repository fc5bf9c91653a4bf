package org.twinfold.cli.operator;

import java.util.Arrays;
import java.util.function.IntConsumer;
import org.twinfold.core.Generator;
import org.twinfold.core.ParameterPoint;
import org.twinfold.core.SampleBatch;
import org.twinfold.ml.lstm.FrameFeatures;

/**
 * The simulated system whose time-evolution operator the pipeline learns: the Lennard-Jones particles of
 * {@code md-lj} ({@link LennardJonesOperatorSystem}) or one particle in a 1-D potential of {@code md-1d}
 * ({@link Potential1dOperatorSystem}). A frame contains the P = N x dimensions positions (unwrapped), then
 * the P velocities.
 *
 * <p>Each trajectory has parameters with the mass first, which the energies, restarted Verlet runs and
 * operator features read.
 */
interface OperatorSystem {

    /** Returns the simulator that the sweeps run. */
    Generator generator();

    /** Returns N, the number of moving particles. */
    int particles();

    /** Returns the spatial dimensions of each particle: 3, or 1 on a line. */
    int dimensions();

    /** Returns P = N x dimensions, the positions (and velocities) per frame. */
    default int positions() {
        return particles() * dimensions();
    }

    /** Returns the Verlet time step Delta in tau. */
    double timeStep();

    /** Returns the time between saved frames in tau. */
    double frameInterval();

    /** Returns the frames of every trajectory of a batch, (samples, frames, 2P). */
    float[][][] frames(SampleBatch batch);

    /** Returns a trajectory's parameters from its sweep point, the mass first. */
    double[] parameters(ParameterPoint point);

    /** Returns E = K + U of a frame in epsilon; NaN for a frame with non-finite values. */
    double energy(double[] parameters, float[] frame);

    /**
     * Returns {@code count} frames of Verlet at its own step from {@code start}, one every {@code multiple}
     * Verlet steps, positions continued (unwrapped) from those of {@code start}.
     */
    float[][] verletFrames(float[] start, double[] parameters, int multiple, int count);

    /** Returns the per-frame accelerations a = F / m that inputs with accelerations append to each frame. */
    FrameFeatures accelerations();

    /** Returns t_V, the measured wall time of one Verlet step in seconds, on the calling thread. */
    double verletStepSeconds(double[] parameters, long seed);

    /**
     * Returns the median wall time of one step in seconds: {@code advance} runs {@code steps} steps to warm up
     * the JIT, then five timed runs of {@code steps / 5} steps each.
     *
     * @param advance runs the given number of Verlet steps
     */
    static double medianStepSeconds(IntConsumer advance, int steps) {
        advance.accept(steps);
        double[] seconds = new double[5];
        for (int run = 0; run < seconds.length; run++) {
            long started = System.nanoTime();
            advance.accept(steps / seconds.length);
            seconds[run] = (System.nanoTime() - started) * 1e-9 / (steps / seconds.length);
        }
        Arrays.sort(seconds);
        return seconds[seconds.length / 2];
    }

    /** Returns a phrase for reports and settings, such as "16 particles" or "a particle in the double well". */
    String description();
}
