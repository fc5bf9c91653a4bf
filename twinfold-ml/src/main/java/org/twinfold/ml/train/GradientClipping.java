package org.twinfold.ml.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import java.util.Collection;

/**
 * Gradient clipping by global norm (Pascanu, Mikolov and Bengio, "On the difficulty of training
 * recurrent neural networks", ICML 2013): with the global norm
 * {@code N = sqrt(sum over all parameters of sum(g^2))}, every gradient is scaled by
 * {@code maxNorm / N} when N exceeds {@code maxNorm}, which keeps the update's direction.
 */
public final class GradientClipping {

    private GradientClipping() {
    }

    /** Returns the global L2 norm of all gradients, accumulated in double precision. */
    public static double globalNorm(Collection<NDArray> gradients) {
        double sumOfSquares = 0;
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            for (NDArray gradient : gradients) {
                sumOfSquares += gradient.square().sum().getFloat();
            }
        }
        return Math.sqrt(sumOfSquares);
    }

    /**
     * Scales the gradients in place so their global norm is at most {@code maxNorm}.
     *
     * @param norm the global norm from {@link #globalNorm}, finite
     * @return the factor applied, 1 when no clipping was needed
     */
    public static double clip(Collection<NDArray> gradients, double norm, double maxNorm) {
        if (!(maxNorm > 0)) {
            throw new IllegalArgumentException("maximum gradient norm is " + maxNorm + "; it must be positive");
        }
        if (norm <= maxNorm) {
            return 1;
        }
        double factor = maxNorm / norm;
        for (NDArray gradient : gradients) {
            gradient.muli(factor);
        }
        return factor;
    }
}
