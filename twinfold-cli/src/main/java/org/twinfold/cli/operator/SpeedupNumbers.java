package org.twinfold.cli.operator;

/**
 * Speedups of one operator from measured step times (see {@link org.twinfold.ml.lstm.OperatorSpeedup}).
 *
 * @param totalVerletSteps S_T, Verlet steps of the evaluated run (kick-start and horizon)
 * @param kickStartVerletSteps S_V = (w - 1) Delta_R / Delta
 * @param speedup S_p of the evaluated run at batch 1
 * @param batchedSpeedup S_p of the evaluated run with t_R per trajectory of the batched rollout
 * @param asymptoticSpeedup (t_V / t_R)(Delta_R / Delta), the limit for S_T much larger than S_V, batch 1
 * @param paperRunSpeedup S_p at batch 1 for the reference's run of S_T = 1e9 steps (t = 1e6)
 * @param effectiveSpeedup the general effective speedup at batch 1 over the test runs, charging the
 *     training simulations and the training
 * @param breakEvenRuns runs after which the effective speedup exceeds 1; infinite when S_p is at most 1
 */
record SpeedupNumbers(long totalVerletSteps, long kickStartVerletSteps, double speedup, double batchedSpeedup,
        double asymptoticSpeedup, double paperRunSpeedup, double effectiveSpeedup, double breakEvenRuns) {
}
