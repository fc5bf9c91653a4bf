package org.twinfold.ml.lstm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.twinfold.ml.train.BatchSupplier;
import org.twinfold.ml.train.StepContext;
import org.twinfold.ml.train.TrainingLoss;

/**
 * Training on the operator's own rollouts over K steps (unrolled training): each example is a window of
 * w scaled frames and the K true frames after it. The loss feeds the network's prediction back into the
 * window, K times, and averages the squared error of every predicted frame, measured in scaled residual
 * units, so its first term is the one-step loss. The gradient flows back through the predicted frames,
 * which teaches the network to correct the errors it makes itself instead of only the errors of exact
 * windows. K = 1 is ordinary one-step training.
 *
 * <p>All scalings are per-component affine maps, so a predicted frame stays linear in the network output
 * in scaled input units: {@code x^_s = c_last x_s[n] + c_prev x_s[n-1] + offset + factor r^}, with the
 * base coefficients of the {@link PredictionTarget} and {@code factor = s1 u1}, {@code offset = s1 u0}
 * from the input scaling {@code s(x) = s0 + s1 x} and the residual unscaling {@code u(r) = u0 + u1 r}.
 *
 * <p>Examples are drawn uniformly with replacement from every (trajectory, start) pair, from the step's
 * random source only, so a resumed training draws the same batches.
 */
final class UnrolledBatches implements BatchSupplier {
    private final float[][] scaledTrajectories;
    private final int[] exampleTrajectory;
    private final int[] exampleStart;
    private final int windowLength;
    private final int steps;
    private final int frameSize;
    private final int batchSize;
    private final float[] factor;
    private final float[] offset;

    /**
     * @param trajectories (trajectories, frames, d) in the trajectory's units
     * @param selected the trajectories to train on; those with fewer than w + K frames give no example
     * @param steps K, the predicted frames per example, at least 1
     * @param targetScaling scaling of the residuals; ignored for {@link PredictionTarget#NEXT_FRAME}
     * @throws IllegalArgumentException when no selected trajectory has w + K frames, or for a target whose
     *     base is not linear in the window
     */
    UnrolledBatches(float[][][] trajectories, int[] selected, int windowLength, int steps, int batchSize,
            ComponentScaling scaling, PredictionTarget target, ComponentScaling targetScaling) {
        if (target == PredictionTarget.STEP_CORRECTION) {
            throw new IllegalArgumentException("unrolled training needs a base that is linear in the window; target "
                    + target + " steps a force law, so train it one step at a time (rollout steps 1)");
        }
        this.windowLength = windowLength;
        this.steps = steps;
        this.frameSize = scaling.frameSize();
        this.batchSize = batchSize;
        this.scaledTrajectories = scaledFrames(trajectories, selected, scaling);
        int span = windowLength + steps;
        int count = 0;
        for (float[] frames : scaledTrajectories) {
            count += Math.max(0, frames.length / frameSize - span + 1);
        }
        if (count == 0) {
            throw new IllegalArgumentException("no training trajectory has the " + span + " frames that a window of "
                    + windowLength + " and " + steps + " unrolled steps need; use fewer rollout steps or longer"
                    + " trajectories");
        }
        this.exampleTrajectory = new int[count];
        this.exampleStart = new int[count];
        int example = 0;
        for (int t = 0; t < scaledTrajectories.length; t++) {
            for (int start = 0; start + span <= scaledTrajectories[t].length / frameSize; start++) {
                exampleTrajectory[example] = t;
                exampleStart[example] = start;
                example++;
            }
        }
        this.factor = new float[frameSize];
        this.offset = new float[frameSize];
        for (int k = 0; k < frameSize; k++) {
            double s0 = scaling.scale(0f, k);
            double s1 = scaling.scale(1f, k) - s0;
            if (target == PredictionTarget.NEXT_FRAME) {
                factor[k] = 1f;
            } else {
                double u0 = targetScaling.unscale(0f, k);
                double u1 = targetScaling.unscale(1f, k) - u0;
                factor[k] = (float) (s1 * u1);
                offset[k] = (float) (s1 * u0);
            }
        }
    }

    /** Returns the number of (trajectory, start) examples. */
    int count() {
        return exampleStart.length;
    }

    /**
     * Returns the batch: windows (batch, w, d), the K true frames after each (batch, K, d), then the
     * factor and offset (d) that map network outputs to scaled frames.
     */
    @Override
    public NDList next(StepContext context) {
        int d = frameSize;
        int w = windowLength;
        float[] windows = new float[batchSize * w * d];
        float[] futures = new float[batchSize * steps * d];
        SplittableRandom random = context.random();
        for (int i = 0; i < batchSize; i++) {
            int example = random.nextInt(exampleStart.length);
            float[] frames = scaledTrajectories[exampleTrajectory[example]];
            int from = exampleStart[example] * d;
            System.arraycopy(frames, from, windows, i * w * d, w * d);
            System.arraycopy(frames, from + w * d, futures, i * steps * d, steps * d);
        }
        NDManager manager = context.manager();
        return new NDList(manager.create(windows, new Shape(batchSize, w, d)),
                manager.create(futures, new Shape(batchSize, steps, d)), manager.create(factor), manager.create(offset));
    }

    /**
     * Returns the unrolled loss of {@link #next} batches: the mean over the K predicted frames of the mean
     * squared error in scaled residual units.
     */
    static TrainingLoss loss(PredictionTarget target, int steps) {
        float last = switch (target) {
            case NEXT_FRAME -> 0f;
            case INCREMENT -> 1f;
            case EXTRAPOLATION_CORRECTION -> 2f;
            case STEP_CORRECTION -> throw new IllegalArgumentException("target " + target + " cannot be unrolled");
        };
        float previous = target == PredictionTarget.EXTRAPOLATION_CORRECTION ? -1f : 0f;
        return (context, batch) -> {
            NDArray window = batch.get(0);
            NDArray futures = batch.get(1);
            NDArray factor = batch.get(2);
            NDArray offset = batch.get(3);
            int w = (int) window.getShape().get(1);
            NDArray total = null;
            for (int k = 0; k < steps; k++) {
                NDArray output = context.forward(new NDList(window)).singletonOrThrow();
                NDArray base = window.get(new NDIndex(":, {}, :", w - 1)).mul(last);
                if (previous != 0f) {
                    base = base.add(window.get(new NDIndex(":, {}, :", w - 2)).mul(previous));
                }
                NDArray predicted = base.add(offset).add(output.mul(factor));
                NDArray error = predicted.sub(futures.get(new NDIndex(":, {}, :", k))).div(factor);
                NDArray term = error.square().mean();
                total = total == null ? term : total.add(term);
                if (k + 1 < steps) {
                    window = window.get(new NDIndex(":, 1:, :")).concat(predicted.expandDims(1), 1);
                }
            }
            return total.div(steps);
        };
    }

    /** Returns each selected trajectory's frames, scaled and flattened to (frames * d). */
    private static float[][] scaledFrames(float[][][] trajectories, int[] selected, ComponentScaling scaling) {
        int d = scaling.frameSize();
        float[][] result = new float[selected.length][];
        for (int i = 0; i < selected.length; i++) {
            float[][] frames = trajectories[selected[i]];
            float[] flat = new float[frames.length * d];
            for (int f = 0; f < frames.length; f++) {
                System.arraycopy(frames[f], 0, flat, f * d, d);
            }
            scaling.scaleInPlace(flat);
            result[i] = flat;
        }
        return result;
    }
}
