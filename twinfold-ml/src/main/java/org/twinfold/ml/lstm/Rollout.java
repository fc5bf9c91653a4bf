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
 * back scaled, also inside the measured step time. An operator with {@link FrameFeatures} gets the
 * features of each predicted frame computed in Java, inside the measured step time as well.
 * The rollout locks the operator.
 */
public final class Rollout {
    private static final Logger LOG = LoggerFactory.getLogger(Rollout.class);

    private Rollout() {
    }

    /** Rolls out an operator without features; see {@link #run(LstmOperator, float[][][], double[][], int)}. */
    public static RolloutResult run(LstmOperator operator, float[][][] initialWindows, int steps) {
        return run(operator, initialWindows, null, steps);
    }

    /**
     * Rolls the operator out for {@code steps} steps from every initial window.
     *
     * @param operator the trained operator
     * @param initialWindows (batch, w, d) initial frames in the trajectory's units, oldest first, finite
     * @param parameters (batch, p) the parameters of each trajectory that the operator's features read;
     *     null without features
     * @param steps K, operator steps to take, at least 1
     * @return the w initial frames followed by the K predicted frames, per initial condition, with
     *     the wall time of every step
     */
    public static RolloutResult run(LstmOperator operator, float[][][] initialWindows, double[][] parameters,
            int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("steps is " + steps + "; a rollout needs at least 1 step");
        }
        operator.requireWindows(initialWindows, "initial windows");
        operator.inputs().requireParameters(parameters, initialWindows.length, "initial window");
        synchronized (operator) {
            return runLocked(operator, initialWindows, parameters == null ? new double[initialWindows.length][]
                    : parameters, steps);
        }
    }

    private static RolloutResult runLocked(LstmOperator operator, float[][][] initialWindows, double[][] parameters,
            int steps) {
        int batch = initialWindows.length;
        int w = operator.architecture().windowLength();
        int d = operator.architecture().frameSize();
        int size = operator.architecture().inputSize();
        InputFrames inputs = operator.inputs();
        PredictionTarget target = operator.target();

        float[][][] frames = new float[batch][w + steps][];
        float[] flat = new float[batch * w * size];
        for (int b = 0; b < batch; b++) {
            for (int f = 0; f < w; f++) {
                frames[b][f] = initialWindows[b][f].clone();
                inputs.write(frames[b][f], parameters[b], flat, (b * w + f) * size);
            }
        }

        // Each step's arrays live on that step's sub-manager; only the next window moves on to the
        // next step's manager, so native memory stays flat over long rollouts.
        ComponentScaling residuals = operator.targetScaling().orElse(null);
        double[] stepSeconds = new double[steps];
        ParameterStore store = new ParameterStore(operator.manager(), false);
        NDManager current = operator.manager().newSubManager();
        try {
            NDArray window = current.create(flat, new Shape(batch, w, size));
            for (int step = 0; step < steps; step++) {
                long start = System.nanoTime();
                NDArray next = operator.forward(window, store);
                float[] predicted = next.toFloatArray();
                NDManager following = operator.manager().newSubManager();
                if (target == PredictionTarget.NEXT_FRAME) {
                    unscaleFrames(predicted, inputs.scaling(), frames, w + step);
                } else {
                    addResiduals(predicted, target, residuals, inputs, parameters, frames, w + step);
                }
                NDArray nextScaled;
                if (target == PredictionTarget.NEXT_FRAME && inputs.features() == null) {
                    nextScaled = next;
                } else {
                    float[] scaledInputs = new float[batch * size];
                    for (int b = 0; b < batch; b++) {
                        inputs.write(frames[b][w + step], parameters[b], scaledInputs, b * size);
                    }
                    nextScaled = following.create(scaledInputs, new Shape(batch, size));
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
        LOG.info("rollout of {} steps for {} initial condition(s): median step {} ms", steps, batch,
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
     * {@code index} and stores the sums as frame {@code index}.
     */
    private static void addResiduals(float[] predicted, PredictionTarget target, ComponentScaling residuals,
            InputFrames inputs, double[][] parameters, float[][][] frames, int index) {
        int d = residuals.frameSize();
        for (int b = 0; b < frames.length; b++) {
            float[] frame = new float[d];
            double[] base = inputs.base(target, frames[b], index - 1, parameters[b]);
            for (int k = 0; k < d; k++) {
                frame[k] = (float) (base[k] + residuals.unscale(predicted[b * d + k], k));
            }
            frames[b][index] = frame;
        }
    }
}
