package org.twinfold.ml.lstm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Sliding windows cut from trajectories: every run of {@code w + 1} consecutive frames gives one
 * example, the first w frames as input and the last as target, so consecutive windows overlap by
 * {@code w - 1} frames. A trajectory of F frames gives {@code F - w} windows.
 *
 * @param inputs scaled inputs, flat row-major (count, w, d + e), e features per frame (often 0)
 * @param targets scaled targets, flat row-major (count, d)
 * @param count number of windows
 */
record FrameWindows(float[] inputs, float[] targets, int count) {

    /**
     * Cuts the windows of the selected trajectories and scales them, with the next frame as target.
     *
     * @param trajectories (trajectories, frames, d), checked by {@link #requireTrajectories}
     */
    static FrameWindows of(float[][][] trajectories, int[] selected, int windowLength, ComponentScaling scaling) {
        return of(trajectories, selected, windowLength, scaling, PredictionTarget.NEXT_FRAME, null);
    }

    /**
     * Cuts the windows of the selected trajectories and scales them, without features. The target is the
     * next frame scaled like the inputs for {@link PredictionTarget#NEXT_FRAME}, and otherwise the residual
     * over the target's base, scaled by {@code targetScaling}.
     *
     * @param targetScaling scaling of the residuals; ignored for {@link PredictionTarget#NEXT_FRAME}
     */
    static FrameWindows of(float[][][] trajectories, int[] selected, int windowLength, ComponentScaling scaling,
            PredictionTarget target, ComponentScaling targetScaling) {
        return of(trajectories, null, null, selected, windowLength, new InputFrames(scaling, null, null), target,
                targetScaling);
    }

    /**
     * Cuts the windows of the selected trajectories and scales them. Each input frame is the scaled frame
     * followed by its scaled features, d + e values, and the targets are those of the overload without
     * features.
     *
     * @param features (trajectories, frames, e) features of every frame, unscaled; null for none
     * @param parameters per trajectory, for the step of {@link PredictionTarget#STEP_CORRECTION}; null without
     *     features
     * @param inputs the scalings of frames and features
     */
    static FrameWindows of(float[][][] trajectories, float[][][] features, double[][] parameters, int[] selected,
            int windowLength, InputFrames inputs, PredictionTarget target, ComponentScaling targetScaling) {
        ComponentScaling scaling = inputs.scaling();
        int d = scaling.frameSize();
        int e = inputs.featureSize();
        int size = d + e;
        int count = count(trajectories, selected, windowLength);

        float[] rows = new float[count * windowLength * size];
        float[] targets = new float[count * d];
        int window = 0;
        for (int index : selected) {
            float[][] frames = trajectories[index];
            for (int start = 0; start + windowLength < frames.length; start++) {
                for (int offset = 0; offset < windowLength; offset++) {
                    int row = (window * windowLength + offset) * size;
                    float[] frame = frames[start + offset];
                    for (int k = 0; k < d; k++) {
                        rows[row + k] = scaling.scale(frame[k], k);
                    }
                    for (int k = 0; k < e; k++) {
                        rows[row + d + k] = inputs.featureScaling().scale(features[index][start + offset][k], k);
                    }
                }
                int last = start + windowLength - 1;
                double[] base = target == PredictionTarget.NEXT_FRAME ? null
                        : inputs.base(target, frames, last, parameters == null ? null : parameters[index]);
                for (int k = 0; k < d; k++) {
                    float next = frames[last + 1][k];
                    targets[window * d + k] = base == null ? scaling.scale(next, k)
                            : targetScaling.scale((float) (next - base[k]), k);
                }
                window++;
            }
        }
        return new FrameWindows(rows, targets, count);
    }

    /** Returns the number of windows the selected trajectories give. */
    static int count(float[][][] trajectories, int[] selected, int windowLength) {
        int count = 0;
        for (int index : selected) {
            count += trajectories[index].length - windowLength;
        }
        return count;
    }

    /**
     * Returns the unscaled residuals {@code x_{n+1} - base} of every window, in window order, for fitting
     * the target scaling.
     */
    static Iterable<float[]> residuals(float[][][] trajectories, double[][] parameters, int[] selected,
            int windowLength, InputFrames inputs, PredictionTarget target) {
        List<float[]> rows = new ArrayList<>();
        for (int index : selected) {
            float[][] frames = trajectories[index];
            for (int start = 0; start + windowLength < frames.length; start++) {
                int last = start + windowLength - 1;
                float[] residual = new float[frames[last].length];
                double[] base = inputs.base(target, frames, last, parameters == null ? null : parameters[index]);
                for (int k = 0; k < residual.length; k++) {
                    residual[k] = (float) (frames[last + 1][k] - base[k]);
                }
                rows.add(residual);
            }
        }
        return rows;
    }

    /** Returns the frames of the selected trajectories, for fitting the input scaling. */
    static Iterable<float[]> frames(float[][][] trajectories, int[] selected) {
        List<float[]> rows = new ArrayList<>();
        for (int index : selected) {
            rows.addAll(Arrays.asList(trajectories[index]));
        }
        return rows;
    }

    /**
     * Splits trajectory indices into training and validation sets, shuffled by {@code seed}; the
     * validation set gets {@code round(fraction n)} trajectories, and at least one trajectory stays
     * for training.
     *
     * @return {training indices, validation indices}, each sorted
     */
    static int[][] split(int trajectoryCount, double validationFraction, long seed) {
        int[] order = new int[trajectoryCount];
        for (int i = 0; i < trajectoryCount; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = trajectoryCount - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }

        int validation = (int) Math.min(Math.round(validationFraction * trajectoryCount), trajectoryCount - 1);
        int[] validationIndices = Arrays.copyOfRange(order, 0, validation);
        int[] trainingIndices = Arrays.copyOfRange(order, validation, trajectoryCount);
        Arrays.sort(validationIndices);
        Arrays.sort(trainingIndices);
        return new int[][] {trainingIndices, validationIndices};
    }

    /**
     * Checks that trajectories are non-empty, share one frame size, are finite and each have more than
     * {@code windowLength} frames.
     *
     * @return d, the frame size
     * @throws IllegalArgumentException naming the trajectory, frame and component at fault
     */
    static int requireTrajectories(float[][][] trajectories, int windowLength) {
        if (trajectories == null || trajectories.length == 0) {
            throw new IllegalArgumentException("no trajectories given; pass at least one (trajectories, frames, d) array");
        }
        int d = trajectories[0].length > 0 ? trajectories[0][0].length : 0;
        for (int t = 0; t < trajectories.length; t++) {
            if (trajectories[t].length <= windowLength) {
                throw new IllegalArgumentException("trajectory " + t + " has " + trajectories[t].length
                        + " frames; a window of " + windowLength + " frames and its target need at least "
                        + (windowLength + 1));
            }
            requireFrames(trajectories[t], d, "trajectory " + t);
        }
        return d;
    }

    /**
     * Checks that every frame has {@code d} finite values.
     *
     * @param role what the frames are, for messages ("trajectory 3")
     */
    static void requireFrames(float[][] frames, int d, String role) {
        for (int f = 0; f < frames.length; f++) {
            if (frames[f].length != d || d == 0) {
                throw new IllegalArgumentException(role + " frame " + f + " has " + frames[f].length
                        + " values; expected " + d + ", the same frame size everywhere and at least 1");
            }
            for (int k = 0; k < d; k++) {
                if (!Float.isFinite(frames[f][k])) {
                    throw new IllegalArgumentException(role + " frame " + f + " contains " + frames[f][k]
                            + " at component " + k + "; remove or repair that trajectory");
                }
            }
        }
    }
}
