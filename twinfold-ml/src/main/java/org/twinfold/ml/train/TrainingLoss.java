package org.twinfold.ml.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/**
 * The loss of one batch as code, run under a {@code GradientCollector}: call
 * {@link StepContext#forward} and combine the result with NDArray operations. The result must be a
 * float32 scalar; its gradient with respect to every parameter drives the update.
 */
@FunctionalInterface
public interface TrainingLoss {

    NDArray compute(StepContext context, NDList batch);
}
