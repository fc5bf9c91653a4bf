package org.twinfold.core;

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
 */
public record Preset(String name, String description, Sampling sampling, int trainSamples, int testSamples,
                     int trainingSteps, int batchSize, double learningRate) {

    public Preset {
        if (trainSamples <= 0 || testSamples <= 0 || trainingSteps <= 0 || batchSize <= 0) {
            throw new IllegalArgumentException("preset '" + name + "' needs positive sample counts, steps and "
                    + "batch size");
        }
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("preset '" + name + "' has learning rate " + learningRate
                    + "; it must be positive");
        }
    }
}
