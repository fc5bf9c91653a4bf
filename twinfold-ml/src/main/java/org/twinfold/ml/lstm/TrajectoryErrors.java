package org.twinfold.ml.lstm;

import java.util.function.ToDoubleFunction;

/**
 * Error measures of a rollout against a reference trajectory at the same times.
 *
 * <p>Mean position error of N particles in D dimensions, frame by frame:
 * {@code delta_r(t) = (1/N) sum_i |r_i,ref(t) - r_i,rollout(t)|} with |.| the Euclidean norm of the
 * D-vector; for one particle in 1-D this is {@code |x_ref(t) - x_rollout(t)|}. Positions are the
 * first {@code N D} components of a frame, in the order (particle 0: x, y, z; particle 1: ...);
 * further components (velocities) are ignored.
 *
 * <p>Energy drift: {@code delta_E(t) = (E(t) - E(0)) / E(0)}, with E a function of one frame.
 */
public final class TrajectoryErrors {

    private TrajectoryErrors() {
    }

    /**
     * Returns delta_r per frame.
     *
     * @param reference (frames, d) reference trajectory, e.g. Verlet subsampled at Delta_R
     * @param rollout (frames, d) rollout at the same times
     * @param particles N, at least 1
     * @param dimensions D, spatial dimensions per particle, at least 1; N D must not exceed d
     */
    public static double[] positionError(float[][] reference, float[][] rollout, int particles, int dimensions) {
        requireSameShape(reference, rollout);
        if (particles < 1 || dimensions < 1 || (long) particles * dimensions > reference[0].length) {
            throw new IllegalArgumentException(particles + " particles in " + dimensions + " dimensions need "
                    + (long) particles * dimensions + " position components, but frames have " + reference[0].length
                    + "; both counts must be at least 1");
        }

        double[] error = new double[reference.length];
        for (int t = 0; t < reference.length; t++) {
            double sum = 0;
            for (int i = 0; i < particles; i++) {
                double squared = 0;
                for (int a = 0; a < dimensions; a++) {
                    double difference = reference[t][i * dimensions + a] - rollout[t][i * dimensions + a];
                    squared += difference * difference;
                }
                sum += Math.sqrt(squared);
            }
            error[t] = sum / particles;
        }
        return error;
    }

    /**
     * Returns delta_r per frame averaged over initial conditions.
     *
     * @param references (batch, frames, d)
     * @param rollouts (batch, frames, d), such as {@link RolloutResult#frames()}
     */
    public static double[] meanPositionError(float[][][] references, float[][][] rollouts, int particles,
            int dimensions) {
        if (references.length != rollouts.length || references.length == 0) {
            throw new IllegalArgumentException(references.length + " reference trajectories and " + rollouts.length
                    + " rollouts given; pass one reference per rollout, at least one");
        }
        double[] mean = new double[references[0].length];
        for (int b = 0; b < references.length; b++) {
            double[] error = positionError(references[b], rollouts[b], particles, dimensions);
            if (error.length != mean.length) {
                throw new IllegalArgumentException("trajectory " + b + " has " + error.length + " frames; trajectory 0"
                        + " has " + mean.length + "; give every trajectory the same length");
            }
            for (int t = 0; t < mean.length; t++) {
                mean[t] += error[t] / references.length;
            }
        }
        return mean;
    }

    /**
     * Returns delta_E per frame.
     *
     * @param frames (frames, d)
     * @param energy total energy of one frame, in any unit; E(0) must be finite and non-zero
     */
    public static double[] energyDrift(float[][] frames, ToDoubleFunction<float[]> energy) {
        if (frames.length == 0) {
            throw new IllegalArgumentException("no frames given; the energy drift needs at least one frame");
        }
        double initial = energy.applyAsDouble(frames[0]);
        if (initial == 0 || !Double.isFinite(initial)) {
            throw new IllegalArgumentException("initial energy E(0) is " + initial + "; the relative drift needs a"
                    + " finite non-zero E(0), so shift the energy zero");
        }

        double[] drift = new double[frames.length];
        for (int t = 0; t < frames.length; t++) {
            drift[t] = (energy.applyAsDouble(frames[t]) - initial) / initial;
        }
        return drift;
    }

    /** Returns the mean of the values, for a single summary number of an error series. */
    public static double mean(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.length;
    }

    private static void requireSameShape(float[][] reference, float[][] rollout) {
        if (reference.length == 0 || reference.length != rollout.length) {
            throw new IllegalArgumentException("reference has " + reference.length + " frames and rollout "
                    + rollout.length + "; compare them at the same, non-empty set of times");
        }
        for (int t = 0; t < reference.length; t++) {
            if (reference[t].length != rollout[t].length) {
                throw new IllegalArgumentException("frame " + t + " has " + reference[t].length
                        + " components in the reference and " + rollout[t].length + " in the rollout");
            }
        }
    }
}
