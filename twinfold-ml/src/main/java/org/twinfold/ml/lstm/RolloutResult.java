package org.twinfold.ml.lstm;

import java.util.Arrays;

/**
 * Frames of a rollout and the wall time of each operator step. The arrays are not copied; treat
 * them as read-only.
 *
 * @param frames (batch, w + K, d): the w initial frames, then the K predicted frames, in the
 *     trajectory's units; frame n is at time n Delta_R after the first initial frame
 * @param stepWallSeconds (K) wall time of each step for the whole batch, in seconds
 */
public record RolloutResult(float[][][] frames, double[] stepWallSeconds) {

    /** Returns the median wall time of one step for the whole batch, in seconds; robust to a slow first step. */
    public double medianStepSeconds() {
        double[] sorted = stepWallSeconds.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : 0.5 * (sorted[middle - 1] + sorted[middle]);
    }

    /**
     * Returns t_R, the median step time divided by the batch size: the wall time of one operator step
     * of one trajectory when many are advanced together, in seconds.
     */
    public double stepSecondsPerTrajectory() {
        return medianStepSeconds() / frames.length;
    }

    /** Returns the frames of one initial condition, (w + K, d). */
    public float[][] trajectory(int index) {
        return frames[index];
    }
}
