package org.twinfold.core;

import java.util.stream.Collectors;

/**
 * Sizes of an end-to-end run of a task, from a quick check on a laptop to the published scale.
 *
 * @param name identifier on the command line, such as {@code quick}
 * @param description one sentence on what the preset is for
 * @param sampling how training and test points are drawn
 * @param trainSamples number of simulated samples to train on
 * @param testSamples number of simulated samples held out for evaluation
 * @param trainingSteps optimizer steps of the surrogate
 * @param batchSize training batch size
 * @param learningRate peak learning rate of the optimizer
 * @param simulateOnly true for a preset of {@code simulate} alone, which sets only the sample count
 *                     and sampling; the training values are then 0, and {@code train} and {@code run}
 *                     reject it
 */
public record Preset(String name, String description, Sampling sampling, int trainSamples, int testSamples,
                     int trainingSteps, int batchSize, double learningRate, boolean simulateOnly) {

    public Preset {
        if (trainSamples <= 0 || testSamples <= 0) {
            throw new IllegalArgumentException("preset '" + name + "' has " + trainSamples + " training and "
                    + testSamples + " test samples; both must be positive");
        }
        if (!simulateOnly && (trainingSteps <= 0 || batchSize <= 0)) {
            throw new IllegalArgumentException("preset '" + name + "' has " + trainingSteps + " training steps and"
                    + " batch size " + batchSize + "; both must be positive");
        }
        if (!simulateOnly && !(learningRate > 0)) {
            throw new IllegalArgumentException("preset '" + name + "' has learning rate " + learningRate
                    + "; it must be positive");
        }
    }

    /** Creates a preset of a whole run: simulate, train, sample and evaluate. */
    public Preset(String name, String description, Sampling sampling, int trainSamples, int testSamples,
                  int trainingSteps, int batchSize, double learningRate) {
        this(name, description, sampling, trainSamples, testSamples, trainingSteps, batchSize, learningRate, false);
    }

    /** Returns a preset for {@code simulate} alone, of {@code samples} simulations. */
    public static Preset forSimulation(String name, String description, Sampling sampling, int samples) {
        return new Preset(name, description, sampling, samples, samples, 0, 0, 0, true);
    }

    /**
     * Throws when this preset is for {@code simulate} alone, naming {@code command} and the task's
     * presets that it takes instead.
     */
    public void requireTraining(String command, Task task) {
        if (simulateOnly) {
            String trainable = task.presets().stream().filter(p -> !p.simulateOnly()).map(Preset::name)
                    .collect(Collectors.joining(", "));
            throw new IllegalArgumentException("preset '" + name + "' of " + task.name() + " is for 'simulate' only"
                    + " and sets no training; give '" + command + "' one of " + trainable);
        }
    }
}
