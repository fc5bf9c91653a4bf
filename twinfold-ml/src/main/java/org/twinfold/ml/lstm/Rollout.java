package org.twinfold.ml.lstm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Autoregressive rollout of an {@link LstmOperator}: from w given frames (Verlet's kick-start, at
 * times 0, Delta_R, ..., (w-1) Delta_R), each step predicts the next frame and slides the window
 * by one, {@code x_{n+1} = R[x_{n-w+1}, ..., x_n]}, for many initial conditions at once.
 *
 * <p>The window stays scaled on the engine between steps; each step also copies its frames back to
 * Java, and that copy is part of the measured step time, because a simulation needs the frames. An
 * operator that predicts a residual gets its next frame as base plus residual, added in Java and sent
 * back scaled, also inside the measured step time.
 * The rollout locks the operator.
 */
public final class Rollout {
    private static final Logger LOG = LoggerFactory.getLogger(Rollout.class);

    private Rollout() {
    }

    /**
     * Rolls the operator out for {@code steps} steps from every initial window.
     *
     * @param operator the trained operator
     * @param initialWindows (batch, w, d) initial frames in the trajectory's units, oldest first, finite
     * @param steps K, operator steps to take, at least 1
     * @return the w initial frames followed by the K predicted frames, per initial condition, with
     *     the wall time of every step
     */
    public static RolloutResult run(LstmOperator operator, float[][][] initialWindows, int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("steps is " + steps + "; a rollout needs at least 1 step");
        }
        operator.requireWindows(initialWindows, "initial windows");
        synchronized (operator) {
            return runLocked(operator, initialWindows, steps);
        }
    }

    private static RolloutResult runLocked(LstmOperator operator, float[][][] initialWindows, int steps) {
        int batch = initialWindows.length;
        int w = operator.architecture().windowLength();
        int d = operator.architecture().frameSize();
        ComponentScaling scaling = operator.scaling();
        PredictionTarget target = operator.target();

        float[][][] frames = new float[batch][w + steps][];
        float[] flat = new float[batch * w * d];
        for (int b = 0; b < batch; b++) {
            for (int f = 0; f < w; f++) {
                frames[b][f] = initialWindows[b][f].clone();
                System.arraycopy(initialWindows[b][f], 0, flat, (b * w + f) * d, d);
            }
        }
        scaling.scaleInPlace(flat);

        // Each step's arrays live on that step's sub-manager; only the next window moves on to the
        // next step's manager, so native memory stays flat over long rollouts.
        ComponentScaling residuals = operator.targetScaling().orElse(null);
        double[] stepSeconds = new double[steps];
        ParameterStore store = new ParameterStore(operator.manager(), false);
        NDManager current = operator.manager().newSubManager();
        try {
            NDArray window = current.create(flat, new Shape(batch, w, d));
            for (int step = 0; step < steps; step++) {
                long start = System.nanoTime();
                NDArray next = operator.forward(window, store);
                float[] predicted = next.toFloatArray();
                NDManager following = operator.manager().newSubManager();
                NDArray nextScaled;
                if (target == PredictionTarget.NEXT_FRAME) {
                    unscaleFrames(predicted, scaling, frames, w + step);
                    nextScaled = next;
                } else {
                    float[] scaledFrames = addResiduals(predicted, target, residuals, scaling, frames, w + step);
                    nextScaled = following.create(scaledFrames, new Shape(batch, d));
                }
                NDArray nextWindow = window.get(":, 1:, :").concat(nextScaled.expandDims(1), 1);
                nextWindow.attach(following);
                current.close();
                current = following;
                window = nextWindow;
                stepSeconds[step] = (System.nanoTime() - start) * 1e-9;
            }
        } finally {
            current.close();
        }

        RolloutResult result = new RolloutResult(frames, stepSeconds);
        LOG.info("rollout of {} steps for {} initial conditions: median step {} ms", steps, batch,
                String.format("%.3f", result.medianStepSeconds() * 1e3));
        return result;
    }

    /** Stores the predicted scaled frames (batch, d), in the trajectory's units, as frame {@code index}. */
    private static void unscaleFrames(float[] predicted, ComponentScaling scaling, float[][][] frames, int index) {
        int d = scaling.frameSize();
        for (int b = 0; b < frames.length; b++) {
            float[] frame = new float[d];
            for (int k = 0; k < d; k++) {
                frame[k] = scaling.unscale(predicted[b * d + k], k);
            }
            frames[b][index] = frame;
        }
    }

    /**
     * Adds the predicted scaled residuals (batch, d) to the target's base from the frames before
     * {@code index}, stores the sums as frame {@code index} and returns them scaled for the next window,
     * flat (batch, d).
     */
    private static float[] addResiduals(float[] predicted, PredictionTarget target, ComponentScaling residuals,
            ComponentScaling scaling, float[][][] frames, int index) {
        int d = scaling.frameSize();
        float[] scaled = new float[frames.length * d];
        for (int b = 0; b < frames.length; b++) {
            float[] frame = new float[d];
            for (int k = 0; k < d; k++) {
                frame[k] = (float) (target.base(frames[b], index - 1, k) + residuals.unscale(predicted[b * d + k], k));
                scaled[b * d + k] = scaling.scale(frame[k], k);
            }
            frames[b][index] = frame;
        }
        return scaled;
    }
}
