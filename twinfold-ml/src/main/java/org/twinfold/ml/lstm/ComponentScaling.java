package org.twinfold.ml.lstm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An invertible per-component affine map of frame values to the network's scaled values. The JSON
 * form carries a {@code kind} ({@link MinMaxScaling#KIND} or {@link Standardization#KIND}) so that a
 * checkpoint reader picks the right one.
 */
public sealed interface ComponentScaling permits MinMaxScaling, Standardization {

    /** Returns d, the number of components. */
    int frameSize();

    /** Returns the scaled value of component {@code k}. */
    float scale(float value, int k);

    /** Returns the value of component {@code k} in frame units from its scaled value. */
    float unscale(float scaled, int k);

    ObjectNode toJson();

    /** Scales every frame of a flat row-major (rows, d) array in place. */
    default void scaleInPlace(float[] frames) {
        int d = frameSize();
        for (int i = 0; i < frames.length; i++) {
            frames[i] = scale(frames[i], i % d);
        }
    }

    /** Maps a flat row-major (rows, d) array of scaled frames back to frame units, as (rows, d). */
    default float[][] unscale(float[] scaled) {
        int d = frameSize();
        float[][] frames = new float[scaled.length / d][d];
        for (int i = 0; i < scaled.length; i++) {
            frames[i / d][i % d] = unscale(scaled[i], i % d);
        }
        return frames;
    }

    /**
     * Reads a scaling written by {@link #toJson()}; a node without {@code kind} is a min-max scaling, as
     * checkpoints written before standardization existed hold.
     */
    static ComponentScaling fromJson(JsonNode node) {
        String kind = node.path("kind").asText(MinMaxScaling.KIND);
        if (kind.equals(Standardization.KIND)) {
            return Standardization.fromJson(node);
        }
        if (kind.equals(MinMaxScaling.KIND)) {
            return MinMaxScaling.fromJson(node);
        }
        throw new IllegalArgumentException("unknown scaling kind '" + kind + "'; this code reads '" + MinMaxScaling.KIND
                + "' and '" + Standardization.KIND + "', so update twinfold to read it");
    }
}
