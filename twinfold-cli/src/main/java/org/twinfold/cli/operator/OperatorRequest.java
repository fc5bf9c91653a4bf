package org.twinfold.cli.operator;

import java.nio.file.Path;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.twinfold.core.sweep.SweepListener;
import org.twinfold.ml.train.TrainingListener;

/**
 * What {@code twinfold run} asks of the operator pipeline.
 *
 * @param task task name, md-lstm or md-lj
 * @param preset preset name (quick, paper, smoke) or a plan JSON file
 * @param out run folder
 * @param threads worker threads for the simulations and the neural engine
 * @param seed random seed of the run
 * @param trainingSteps optimizer steps for every operator instead of the plan's, or null
 * @param sweepProgress makes a sweep's progress display from a label and a unit
 * @param trainingProgress makes a training's progress display from a label
 */
public record OperatorRequest(String task, String preset, Path out, int threads, long seed, Long trainingSteps,
        BiFunction<String, String, ? extends SweepListener> sweepProgress,
        Function<String, ? extends TrainingListener> trainingProgress) {
}
