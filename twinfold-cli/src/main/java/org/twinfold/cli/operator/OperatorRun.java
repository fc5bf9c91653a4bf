package org.twinfold.cli.operator;

import java.util.List;

/**
 * Everything one operator run measured, for the JSON and the report.
 *
 * @param task the task name the run was started with, md-lstm or md-lj
 * @param plan the plan that ran
 * @param seed random seed of the run
 * @param threads threads of the simulations and the neural engine
 * @param train training dataset
 * @param test test dataset
 * @param verletStepSeconds t_V, one Verlet step on one thread, in seconds
 * @param trainingSimulationSeconds Verlet wall time per training trajectory, from the sweep, in seconds
 * @param results one per multiple, in the plan's order
 * @param wallSeconds wall time of this invocation up to the report, in seconds
 */
record OperatorRun(String task, OperatorPlan plan, long seed, int threads, DatasetInfo train, DatasetInfo test,
        double verletStepSeconds, double trainingSimulationSeconds, List<MultipleResult> results, double wallSeconds) {
}
