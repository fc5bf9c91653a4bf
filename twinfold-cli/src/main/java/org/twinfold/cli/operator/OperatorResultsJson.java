package org.twinfold.cli.operator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * The numbers of an operator run as JSON ({@code evaluation.json}): the plan, the datasets, t_V and, per
 * multiple, the errors, the energy drift, t_R and the speedups. Lengths are in sigma, times in tau, wall
 * times in seconds; non-finite numbers are written as null.
 */
final class OperatorResultsJson {
    /** Version of this layout. */
    static final int FORMAT_VERSION = 1;

    private OperatorResultsJson() {
    }

    static ObjectNode of(OperatorRun run) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("formatVersion", FORMAT_VERSION);
        root.put("task", run.task());
        root.put("kind", "lstm-operator-evaluation");
        root.put("createdAt", Instant.now().toString());
        root.put("seed", run.seed());
        root.put("threads", run.threads());
        root.put("wallSeconds", run.wallSeconds());
        root.set("plan", run.plan().toJson());
        ObjectNode datasets = root.putObject("datasets");
        dataset(datasets.putObject("train"), run.train());
        dataset(datasets.putObject("test"), run.test());
        ObjectNode timing = root.putObject("timing");
        timing.put("verletStepSeconds", run.verletStepSeconds());
        timing.put("trainingSimulationSecondsPerTrajectory", run.trainingSimulationSeconds());
        ArrayNode operators = root.putArray("operators");
        for (MultipleResult result : run.results()) {
            operator(operators.addObject(), result, run.plan());
        }
        return root;
    }

    private static void dataset(ObjectNode node, DatasetInfo info) {
        node.put("path", info.path());
        node.put("samples", info.samples());
        node.put("generator", info.generator());
        node.put("manifestSha256", info.manifestSha256());
        node.put("simulationWallSeconds", info.wallSeconds());
    }

    private static void operator(ObjectNode node, MultipleResult result, OperatorPlan plan) {
        int w = plan.windowLength();
        node.put("multiple", result.plan().multiple());
        node.put("deltaR", result.deltaR());
        node.put("horizonSteps", result.plan().horizon());
        // The rollout starts from the last kick-start frame; its first predicted frame follows one step later.
        node.put("rolloutStartTime", result.time()[w - 1]);
        node.put("firstPredictedTime", result.time()[w]);
        node.put("rolloutEndTime", result.time()[result.time().length - 1]);
        node.put("parameters", result.parameters());
        TrainedOperator trained = result.trained();
        node.put("checkpoint", trained.checkpoint());
        node.put("trainingSteps", trained.steps());
        node.put("trainingWallSeconds", trained.trainingWallSeconds());
        number(node, "validationMeanSquaredError", trained.validationMeanSquaredError());
        node.put("trainingTrajectories", trained.trainingTrajectories());
        number(node, "meanPositionError", result.meanPositionError());
        number(node, "finalPositionError", result.finalPositionError());
        number(node, "baselineMeanPositionError", result.meanBaselineError());
        ReferenceErrors references = result.references();
        number(node, "oneStepMeanPositionError", references.meanOneStepError());
        number(node, "constantVelocityOneStepMeanPositionError", references.meanOneStepConstantVelocityError());
        number(node, "velocityStepOneStepMeanPositionError", references.meanOneStepVelocityStepError());
        number(node, "constantVelocityMeanPositionError", references.meanConstantVelocityError());
        number(node, "restartedVerletMeanPositionError", references.meanRestartedVerletError());
        number(node, "meanAbsoluteEnergyDrift", result.meanOperatorEnergyDrift());
        number(node, "finalAbsoluteEnergyDrift", last(result.operatorEnergyDrift()));
        number(node, "verletMeanAbsoluteEnergyDrift", result.meanVerletEnergyDrift());
        number(node, "medianAbsoluteEnergyDrift", result.medianOperatorEnergyDrift());
        number(node, "verletMedianAbsoluteEnergyDrift", result.medianVerletEnergyDrift());
        node.put("operatorStepSeconds", result.operatorStepSeconds());
        node.put("batchedOperatorStepSeconds", result.batchedStepSeconds());
        SpeedupNumbers speedup = result.speedup();
        ObjectNode speed = node.putObject("speedup");
        speed.put("totalVerletSteps", speedup.totalVerletSteps());
        speed.put("kickStartVerletSteps", speedup.kickStartVerletSteps());
        number(speed, "paperSpeedup", speedup.speedup());
        number(speed, "paperSpeedupBatched", speedup.batchedSpeedup());
        number(speed, "asymptoticSpeedup", speedup.asymptoticSpeedup());
        number(speed, "paperRunSpeedup", speedup.paperRunSpeedup());
        number(speed, "effectiveSpeedup", speedup.effectiveSpeedup());
        number(speed, "breakEvenRuns", speedup.breakEvenRuns());
        series(node.putArray("time"), result.time());
        series(node.putArray("positionError"), result.positionError());
        series(node.putArray("baselinePositionError"), result.baselineError());
        series(node.putArray("oneStepPositionError"), references.oneStepError());
        series(node.putArray("constantVelocityPositionError"), references.constantVelocityError());
        series(node.putArray("restartedVerletPositionError"), references.restartedVerletError());
        series(node.putArray("absoluteEnergyDrift"), result.operatorEnergyDrift());
        series(node.putArray("verletAbsoluteEnergyDrift"), result.verletEnergyDrift());
    }

    private static double last(double[] values) {
        return values[values.length - 1];
    }

    private static void number(ObjectNode node, String key, double value) {
        if (Double.isFinite(value)) {
            node.put(key, value);
        } else {
            node.putNull(key);
        }
    }

    private static void series(ArrayNode array, double[] values) {
        for (double value : values) {
            if (Double.isFinite(value)) {
                array.add(value);
            } else {
                array.addNull();
            }
        }
    }
}
