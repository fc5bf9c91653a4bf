package org.twinfold.ml.train;

import ai.djl.ndarray.NDList;

/**
 * Produces the batch for one step. To keep a resumed run identical to an uninterrupted one, the
 * batch must depend only on {@code context.step()} and {@code context.random()}.
 */
@FunctionalInterface
public interface BatchSupplier {

    /** Returns the step's batch, with arrays created on {@code context.manager()}. */
    NDList next(StepContext context);
}
