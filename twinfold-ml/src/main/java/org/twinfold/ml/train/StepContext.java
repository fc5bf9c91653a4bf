package org.twinfold.ml.train;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;

/**
 * Per-step inputs of a batch supplier and a loss.
 *
 * @param step the step being run, from 1
 * @param manager the step's manager; every array created from Java data in this step belongs here,
 *     and it is closed when the step ends
 * @param random random source for this step, a pure function of (seed, step) (see {@link StepRandom})
 * @param model the network's forward pass in training mode
 */
public record StepContext(long step, NDManager manager, SplittableRandom random, UnaryOperator<NDList> model) {

    /** Runs the network in training mode on {@code inputs}. */
    public NDList forward(NDList inputs) {
        return model.apply(inputs);
    }
}
