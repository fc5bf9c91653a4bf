package org.twinfold.cli.operator;

/**
 * Evaluation of the operator of one multiple against Verlet on the test trajectories. Times are in tau,
 * positions in sigma, wall times in seconds. The arrays are not copied; treat them as read-only.
 *
 * @param plan the multiple's settings
 * @param trained the training it came from (its operator may be closed by now)
 * @param parameters trainable parameters of the network (two bias vectors per gate)
 * @param time (w + K) times of the rollout frames, from t = 0 in steps of Delta_R
 * @param positionError (w + K) delta_r(t) = (1/N) sum_i |r_i,Verlet - r_i,LSTM| averaged over the test
 *     trajectories; zero on the w kick-start frames
 * @param baselineError (w + K) the same for a trajectory that stays at the last kick-start frame
 * @param references one-step (teacher-forced) errors, constant velocity and restarted Verlet
 * @param operatorEnergyDrift (w + K) |E(t) - E(0)| / |E(0)| of the rollouts, averaged over the test trajectories
 * @param verletEnergyDrift (w + K) the same for the Verlet frames at the same times
 * @param medianOperatorEnergyDrift the median over test trajectories of each rollout's |E(t) - E(0)| / |E(0)|
 *     averaged over its K rollout frames; unlike the mean, a few runs with E(0) near 0 do not decide it
 * @param medianVerletEnergyDrift the same for the Verlet frames
 * @param meanPositionError delta_r averaged over the K rollout frames (the headline error)
 * @param finalPositionError delta_r at the last rollout frame
 * @param meanBaselineError the baseline's error averaged over the K rollout frames
 * @param operatorStepSeconds t_R at batch 1: median wall time of one operator step of one trajectory
 * @param batchedStepSeconds t_R per trajectory when all test trajectories advance together
 * @param speedup S_p and the effective speedup, from t_V and the batch-1 t_R
 * @param example the frames of test trajectory 0, for the figures
 */
record MultipleResult(MultiplePlan plan, TrainedOperator trained, long parameters, double[] time,
        double[] positionError, double[] baselineError, ReferenceErrors references, double[] operatorEnergyDrift, double[] verletEnergyDrift,
        double medianOperatorEnergyDrift, double medianVerletEnergyDrift,
        double meanPositionError, double finalPositionError, double meanBaselineError, double operatorStepSeconds,
        double batchedStepSeconds, SpeedupNumbers speedup, ExampleTrajectory example) {

    /** Returns Delta_R in tau. */
    double deltaR() {
        return plan.multiple() * OperatorPlan.VERLET_STEP;
    }

    /** Returns the rollout frames' mean |dE / E0| over the K rollout frames. */
    double meanOperatorEnergyDrift() {
        return meanOverRollout(operatorEnergyDrift);
    }

    /** Returns the Verlet frames' mean |dE / E0| over the same frames. */
    double meanVerletEnergyDrift() {
        return meanOverRollout(verletEnergyDrift);
    }

    private double meanOverRollout(double[] series) {
        int first = series.length - plan.horizon();
        double sum = 0;
        for (int f = first; f < series.length; f++) {
            sum += series[f];
        }
        return sum / plan.horizon();
    }
}
