package org.twinfold.cli.operator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.twinfold.ml.lstm.FrameFeatures;
import org.twinfold.sim.md.Potential1d;

/**
 * Operator feature of a 1-D frame (x, v): the particle's acceleration a = F(x) / m in sigma / tau^2 from
 * the potential's force. The parameters are the trajectory's sweep point, mass first (and the spring
 * constant for the oscillator). The description saved in checkpoints names the potential.
 */
final class Potential1dAccelerations implements FrameFeatures {
    /** Value of {@code kind} in the saved description. */
    static final String KIND = "potential-1d-acceleration";
    /** Version of the saved description; readers reject newer ones. */
    static final int FORMAT_VERSION = 1;

    private final Potential1d potential;

    Potential1dAccelerations(Potential1d potential) {
        this.potential = potential;
    }

    @Override
    public int size() {
        return 1;
    }

    @Override
    public int parameterCount() {
        return potential.parameterSpace().dimension();
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("kind", KIND);
        node.put("formatVersion", FORMAT_VERSION);
        node.put("system", potential.shortName());
        node.put("parameters", "the sweep point, mass first");
        return node;
    }

    /**
     * Writes F(x) / m of the frame.
     *
     * @param frame (x, v)
     * @param parameters the trajectory's sweep point, mass first
     */
    @Override
    public void compute(float[] frame, double[] parameters, float[] out, int offset) {
        if (frame.length != 2) {
            throw new IllegalArgumentException("frame has " + frame.length + " values; a 1-D particle has 2 (x, v)");
        }
        out[offset] = (float) (potential.force(frame[0], parameters) / parameters[0]);
    }

    /**
     * Rebuilds the feature from the description that {@link #toJson()} wrote.
     *
     * @throws IllegalArgumentException for another kind, a newer version or an unknown system
     */
    static Potential1dAccelerations fromJson(JsonNode node) {
        AccelerationFeatures.requireFormat(node, KIND, FORMAT_VERSION);
        return new Potential1dAccelerations(Potential1d.parse(node.path("system").asText()));
    }
}
