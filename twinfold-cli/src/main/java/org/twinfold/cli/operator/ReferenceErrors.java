package org.twinfold.cli.operator;

import java.util.Arrays;
import org.twinfold.ml.lstm.LstmOperator;
import org.twinfold.ml.lstm.TrajectoryErrors;

/**
 * Errors that put a rollout's mean position error in context, all against the Verlet frames at the same
 * times and averaged over the test trajectories and the K horizon frames. Positions in sigma.
 *
 * <ul>
 *   <li>One-step error: every horizon frame predicted by the operator from the w Verlet frames before it
 *       (teacher forcing), so errors cannot pile up. This is how the reference code judged its operator
 *       (each prediction from the true preceding window), and the figure to compare with its 1e-3.
 *   <li>Constant velocity: {@code x_{n+1} = 2 x_n - x_{n-1}}, one step from Verlet frames and as a rollout
 *       from the kick-start window.
 *   <li>Velocity step: {@code x_{n+1} = x_n + v_n Delta_R}, one step from Verlet frames. It reads only the
 *       operator's own input, so an operator that learned anything beyond it should do better.
 *   <li>Restarted Verlet: Verlet at its own step 0.001, restarted from the saved (float32) frame at the end of
 *       the kick-start window. The rounding to float32 moves each value by about 1e-7 relative. The error
 *       that this start difference grows into is the floor set by chaos: no operator that starts from the
 *       same frames can stay below it over this horizon.
 * </ul>
 *
 * @param oneStepError (K) one-step error per horizon frame
 * @param meanOneStepError mean of {@code oneStepError}
 * @param meanOneStepConstantVelocityError the one-step error of constant velocity
 * @param meanOneStepVelocityStepError the one-step error of the velocity step
 * @param constantVelocityError (w + K) rollout error of constant velocity, zero on the kick-start frames
 * @param meanConstantVelocityError its mean over the K horizon frames
 * @param restartedVerletError (w + K) error of Verlet restarted from the float32 frame w - 1
 * @param meanRestartedVerletError its mean over the K horizon frames
 */
record ReferenceErrors(double[] oneStepError, double meanOneStepError, double meanOneStepConstantVelocityError,
        double meanOneStepVelocityStepError, double[] constantVelocityError, double meanConstantVelocityError, double[] restartedVerletError,
        double meanRestartedVerletError) {

    /**
     * Computes the errors.
     *
     * @param reference (trajectories, w + K, d) Verlet frames at Delta_R, positions unwrapped, then velocities
     * @param parameters parameters of each trajectory, the mass first
     * @param multiple Delta_R / Delta, Verlet steps per operator step
     */
    static ReferenceErrors of(LstmOperator operator, float[][][] reference, double[][] parameters, int windowLength,
            OperatorSystem system, int multiple) {
        int w = windowLength;
        int frames = reference[0].length;
        int horizon = frames - w;
        int n = system.particles();
        int dimensions = system.dimensions();

        float[][][] windows = new float[reference.length * horizon][][];
        double[][] windowParameters = new double[reference.length * horizon][];
        for (int b = 0; b < reference.length; b++) {
            for (int k = 0; k < horizon; k++) {
                windows[b * horizon + k] = Arrays.copyOfRange(reference[b], k, k + w);
                windowParameters[b * horizon + k] = parameters[b];
            }
        }
        float[][] predicted = operator.predict(windows, windowParameters);
        double[] oneStep = new double[horizon];
        double oneStepConstantVelocity = 0;
        double oneStepVelocityStep = 0;
        double deltaR = multiple * system.timeStep();
        for (int b = 0; b < reference.length; b++) {
            for (int k = 0; k < horizon; k++) {
                float[][] truth = {reference[b][w + k]};
                oneStep[k] += TrajectoryErrors.positionError(truth, new float[][] {predicted[b * horizon + k]}, n, dimensions)[0]
                        / reference.length;
                float[][] extrapolated = {extrapolate(reference[b][w + k - 1], reference[b][w + k - 2])};
                oneStepConstantVelocity += TrajectoryErrors.positionError(truth, extrapolated, n, dimensions)[0];
                float[][] stepped = {velocityStep(reference[b][w + k - 1], system.positions(), deltaR)};
                oneStepVelocityStep += TrajectoryErrors.positionError(truth, stepped, n, dimensions)[0];
            }
        }

        float[][][] constantVelocity = new float[reference.length][][];
        float[][][] restarted = new float[reference.length][][];
        for (int b = 0; b < reference.length; b++) {
            constantVelocity[b] = Arrays.copyOf(reference[b], frames);
            for (int f = w; f < frames; f++) {
                constantVelocity[b][f] = extrapolate(constantVelocity[b][f - 1], constantVelocity[b][f - 2]);
            }
            restarted[b] = Arrays.copyOf(reference[b], frames);
            float[][] verlet = system.verletFrames(reference[b][w - 1], parameters[b], multiple, horizon);
            System.arraycopy(verlet, 0, restarted[b], w, horizon);
        }
        double[] constantVelocityError = TrajectoryErrors.meanPositionError(reference, constantVelocity, n, dimensions);
        double[] restartedError = TrajectoryErrors.meanPositionError(reference, restarted, n, dimensions);
        return new ReferenceErrors(oneStep, TrajectoryErrors.mean(oneStep),
                oneStepConstantVelocity / (reference.length * (double) horizon),
                oneStepVelocityStep / (reference.length * (double) horizon), constantVelocityError,
                meanOfLast(constantVelocityError, horizon), restartedError, meanOfLast(restartedError, horizon));
    }

    /**
     * Returns a copy of the frame with its positions (the first {@code values} entries) moved by the velocities
     * (the next {@code values}) times {@code deltaR}.
     */
    private static float[] velocityStep(float[] frame, int values, double deltaR) {
        float[] next = frame.clone();
        for (int k = 0; k < values; k++) {
            next[k] = (float) (frame[k] + frame[values + k] * deltaR);
        }
        return next;
    }

    /** Returns {@code 2 last - previous}, component by component. */
    private static float[] extrapolate(float[] last, float[] previous) {
        float[] next = new float[last.length];
        for (int k = 0; k < next.length; k++) {
            next[k] = 2 * last[k] - previous[k];
        }
        return next;
    }

    private static double meanOfLast(double[] series, int count) {
        double sum = 0;
        for (int f = series.length - count; f < series.length; f++) {
            sum += series[f];
        }
        return sum / count;
    }
}
