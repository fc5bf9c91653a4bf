package org.twinfold.ml.lstm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Test features of a 1-D (x, v) frame: the spring acceleration a = -k x, with the spring constant k
 * as the one per-trajectory parameter.
 */
final class SpringForce implements FrameFeatures {
    static final String KIND = "spring";

    @Override
    public int size() {
        return 1;
    }

    @Override
    public int parameterCount() {
        return 1;
    }

    @Override
    public ObjectNode toJson() {
        return JsonNodeFactory.instance.objectNode().put("kind", KIND);
    }

    @Override
    public void compute(float[] frame, double[] parameters, float[] out, int offset) {
        out[offset] = (float) (-parameters[0] * frame[0]);
    }

    /** Rebuilds the features from their description; rejects every other kind. */
    static FrameFeatures fromJson(JsonNode node) {
        if (!KIND.equals(node.path("kind").asText())) {
            throw new IllegalArgumentException("not spring features: " + node);
        }
        return new SpringForce();
    }
}
