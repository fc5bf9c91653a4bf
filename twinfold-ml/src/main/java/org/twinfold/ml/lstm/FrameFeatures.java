package org.twinfold.ml.lstm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Extra input values computed from each frame, such as the accelerations that a force law gives for
 * the frame's positions. The operator appends them to every frame of its input window: (n, w, d) frames
 * become (n, w, d + size()) inputs, while the network still predicts frames of d values. A rollout
 * computes them for each predicted frame, inside the measured step time.
 *
 * <p>Features may read per-trajectory parameters (a particle mass, say), which the caller passes with
 * the trajectories, windows or initial windows. Implementations must be thread-safe; a stateless one is.
 */
public interface FrameFeatures {

    /** Returns e, the number of feature values per frame, at least 1. */
    int size();

    /** Returns the number of per-trajectory parameters that {@link #compute} reads. */
    int parameterCount();

    /**
     * Returns the description saved in every checkpoint, with everything the features depend on (such as
     * the potential and the container), so that a {@link Factory} can rebuild them when the operator loads.
     */
    ObjectNode toJson();

    /**
     * Writes the features of one frame to {@code out[offset, offset + size())}.
     *
     * @param frame (d) one frame in the trajectory's units
     * @param parameters the trajectory's parameters, at least {@link #parameterCount()} values
     */
    void compute(float[] frame, double[] parameters, float[] out, int offset);

    /**
     * Returns true when {@link #step} predicts the next frame, so that the operator can learn the
     * residual over it ({@link PredictionTarget#STEP_CORRECTION}); false by default.
     */
    default boolean hasStep() {
        return false;
    }

    /**
     * Writes a physical prediction of the frame one operator step after {@code frame} (such as one
     * velocity Verlet step of Delta_R) to {@code out}, d values in the trajectory's units.
     *
     * @throws UnsupportedOperationException unless {@link #hasStep()}
     */
    default void step(float[] frame, double[] parameters, double[] out) {
        throw new UnsupportedOperationException("the features " + toJson() + " offer no step; choose another"
                + " prediction target than " + PredictionTarget.STEP_CORRECTION);
    }

    /** Rebuilds features from the description that {@link #toJson()} wrote into a checkpoint. */
    @FunctionalInterface
    interface Factory {
        /**
         * Returns the features described by {@code description}.
         *
         * @throws IllegalArgumentException if the description names features this factory cannot build
         */
        FrameFeatures fromJson(JsonNode description);
    }
}
