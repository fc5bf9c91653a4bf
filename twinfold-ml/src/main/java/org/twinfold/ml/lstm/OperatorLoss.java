package org.twinfold.ml.lstm;

import ai.djl.ndarray.NDArray;

/**
 * Training loss of an {@link LstmOperator}, over all components of the scaled targets.
 *
 * <ul>
 *   <li>{@link #MEAN_SQUARED_ERROR}: the reference work's loss; rare large residuals (close collisions)
 *       dominate it.
 *   <li>{@link #MEAN_ABSOLUTE_ERROR}: weighs every residual by its size rather than its square, closer to
 *       the mean position error {@code (1/N) sum_i |r_i - r_i'|} the operator is judged by.
 * </ul>
 */
public enum OperatorLoss {
    MEAN_SQUARED_ERROR,
    MEAN_ABSOLUTE_ERROR;

    /** Returns the loss of a (batch, d) prediction against its (batch, d) target, a scalar array. */
    NDArray of(NDArray prediction, NDArray target) {
        NDArray difference = prediction.sub(target);
        return this == MEAN_SQUARED_ERROR ? difference.square().mean() : difference.abs().mean();
    }
}
