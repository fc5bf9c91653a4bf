package org.twinfold.ml.lstm;

import java.util.SplittableRandom;

/**
 * The 1-D harmonic oscillator x'' = -x (m = k = 1, period 2 pi) as test data: exact solutions
 * x(t) = A cos(t + phi), v(t) = -A sin(t + phi), sampled at the operator step, with amplitude A and
 * phase phi drawn uniformly; and one velocity Verlet step of size 0.001 for timing.
 */
final class HarmonicOscillator {
    /** Verlet step Delta of the reference integrator. */
    static final double VERLET_STEP = 0.001;
    /** Operator step Delta_R = 100 Delta. */
    static final double OPERATOR_STEP = 0.1;
    static final double MIN_AMPLITUDE = 0.5;
    static final double MAX_AMPLITUDE = 1.5;

    private HarmonicOscillator() {
    }

    /**
     * Returns (count, frames, d) exact trajectories at times 0, Delta_R, ...; d = 2 frames are (x, v),
     * d = 1 frames are (x).
     */
    static float[][][] trajectories(int count, int frames, boolean withVelocity, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][][] result = new float[count][frames][];
        for (int i = 0; i < count; i++) {
            double amplitude = MIN_AMPLITUDE + (MAX_AMPLITUDE - MIN_AMPLITUDE) * random.nextDouble();
            double phase = 2 * Math.PI * random.nextDouble();
            for (int f = 0; f < frames; f++) {
                double angle = f * OPERATOR_STEP + phase;
                double x = amplitude * Math.cos(angle);
                double v = -amplitude * Math.sin(angle);
                result[i][f] = withVelocity ? new float[] {(float) x, (float) v} : new float[] {(float) x};
            }
        }
        return result;
    }

    /** Returns the total energy (x^2 + v^2) / 2 of an (x, v) frame. */
    static double energy(float[] frame) {
        return 0.5 * (frame[0] * frame[0] + frame[1] * frame[1]);
    }

    /** Returns the first {@code length} frames of every trajectory, (count, length, d). */
    static float[][][] firstFrames(float[][][] trajectories, int length) {
        float[][][] windows = new float[trajectories.length][length][];
        for (int i = 0; i < trajectories.length; i++) {
            System.arraycopy(trajectories[i], 0, windows[i], 0, length);
        }
        return windows;
    }

    /** Advances (x, v) by one velocity Verlet step of size {@link #VERLET_STEP} for force -x, in place. */
    static void verletStep(double[] state) {
        double halfVelocity = state[1] - 0.5 * VERLET_STEP * state[0];
        state[0] += VERLET_STEP * halfVelocity;
        state[1] = halfVelocity - 0.5 * VERLET_STEP * state[0];
    }
}
