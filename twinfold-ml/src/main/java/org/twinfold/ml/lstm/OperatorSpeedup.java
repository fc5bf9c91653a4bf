package org.twinfold.ml.lstm;

import org.twinfold.core.metrics.Speedup;
import org.twinfold.core.metrics.SpeedupInputs;

/**
 * Speedup of an operator run over a Verlet run of the same physical time, from measured per-step
 * wall times. A run covers S_T Verlet steps of size Delta; the operator run first takes S_V Verlet
 * steps to fill its window (S_V = (w - 1) Delta_R / Delta), then {@code (S_T - S_V) Delta / Delta_R}
 * operator steps:
 *
 * <pre>
 *   S_p = t_V S_T / [S_V t_V + (S_T - S_V) t_R Delta / Delta_R]
 * </pre>
 *
 * For S_T much larger than S_V, S_p approaches {@code (t_V / t_R)(Delta_R / Delta)}. Source:
 * Kadupitiya, Fox and Jadhao, arXiv:2004.06493 (v1), which reports S_p = 32,468 for 16 Lennard-Jones
 * particles (S_T = 1e9, S_V = 16,000, Delta_R = 4000 Delta, t_V = 0.04392 s, t_R = 0.0026 s).
 *
 * <p>{@link #effective} charges the operator for its training data and training as well, with the
 * general effective speedup of {@link Speedup#effective}, one sample being one whole run.
 *
 * @param verletStepSeconds t_V, wall time of one Verlet step, in seconds
 * @param operatorStepSeconds t_R, wall time of one operator step, in seconds
 * @param totalVerletSteps S_T, Verlet steps of the whole run
 * @param kickStartVerletSteps S_V, Verlet steps before the first operator step, in [0, S_T]
 * @param stepRatio Delta_R / Delta, at least 1
 */
public record OperatorSpeedup(double verletStepSeconds, double operatorStepSeconds, long totalVerletSteps,
        long kickStartVerletSteps, double stepRatio) {

    public OperatorSpeedup {
        requirePositiveSeconds(verletStepSeconds, "verletStepSeconds");
        requirePositiveSeconds(operatorStepSeconds, "operatorStepSeconds");
        if (totalVerletSteps < 1) {
            throw new IllegalArgumentException("totalVerletSteps is " + totalVerletSteps + "; it must be at least 1");
        }
        if (kickStartVerletSteps < 0 || kickStartVerletSteps > totalVerletSteps) {
            throw new IllegalArgumentException("kickStartVerletSteps is " + kickStartVerletSteps + "; it must be in"
                    + " [0, totalVerletSteps = " + totalVerletSteps + "]");
        }
        if (!(stepRatio >= 1) || !Double.isFinite(stepRatio)) {
            throw new IllegalArgumentException("stepRatio Delta_R / Delta is " + stepRatio
                    + "; it must be finite and at least 1");
        }
    }

    /** Returns S_V = (w - 1) Delta_R / Delta, rounded to whole steps, for a window of {@code windowLength} frames. */
    public static long kickStartSteps(int windowLength, double stepRatio) {
        return Math.round((windowLength - 1) * stepRatio);
    }

    /** Returns the wall time of the whole run with Verlet alone, t_V S_T, in seconds. */
    public double verletRunSeconds() {
        return verletStepSeconds * totalVerletSteps;
    }

    /** Returns the wall time of the whole run with kick-start and operator, in seconds. */
    public double operatorRunSeconds() {
        return kickStartVerletSteps * verletStepSeconds
                + (totalVerletSteps - kickStartVerletSteps) * operatorStepSeconds / stepRatio;
    }

    /** Returns S_p as defined above; dimensionless. */
    public double speedup() {
        return verletRunSeconds() / operatorRunSeconds();
    }

    /** Returns the limit of S_p for S_T much larger than S_V, (t_V / t_R)(Delta_R / Delta). */
    public double asymptoticSpeedup() {
        return verletStepSeconds / operatorStepSeconds * stepRatio;
    }

    /**
     * Returns the effective speedup of {@link Speedup#effective}, one sample being one run: T_seq is the
     * Verlet run, T_lookup the operator run, and the training data and training are charged per
     * training trajectory.
     *
     * @param trainingSimulationSeconds T_train, Verlet wall time per training trajectory, in seconds
     * @param trainingWallSeconds total training wall time, spread over the training trajectories, in seconds
     * @param runs N_lookup, runs made with the operator, at least 0
     * @param trainingTrajectories N_train, trajectories simulated for training, at least 1
     */
    public double effective(double trainingSimulationSeconds, double trainingWallSeconds, long runs,
            long trainingTrajectories) {
        if (trainingTrajectories < 1) {
            throw new IllegalArgumentException("trainingTrajectories is " + trainingTrajectories
                    + "; the operator was trained on at least one");
        }
        SpeedupInputs inputs = new SpeedupInputs(verletRunSeconds(), operatorRunSeconds(), trainingSimulationSeconds,
                trainingWallSeconds / trainingTrajectories, runs, trainingTrajectories);
        return Speedup.effective(inputs);
    }

    private static void requirePositiveSeconds(double seconds, String name) {
        if (!(seconds > 0) || !Double.isFinite(seconds)) {
            throw new IllegalArgumentException(name + " is " + seconds + "; it must be a finite time > 0 in seconds");
        }
    }
}
