package org.twinfold.ml.diffusion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.twinfold.core.ElementType;
import org.twinfold.core.Field;
import org.twinfold.core.SampleBatch;

/**
 * Maps a field's values to the network's units and back.
 * <ul>
 *   <li>uint8 masks: the smallest value in the training data maps to -1, the largest to +1 (for
 *       {@code cell_type}, medium 0 to -1 and cell 1 to +1); generated values are thresholded at 0
 *       and mapped back to those two values.</li>
 *   <li>float fields: standardized, (v - mean) / std, with the mean and standard deviation over all
 *       training values; mapped back by the inverse.</li>
 * </ul>
 *
 * @param type the field's element type (UINT8, FLOAT32 or FLOAT64)
 * @param low for masks, the value mapped to -1; for floats, the mean
 * @param high for masks, the value mapped to +1; for floats, the standard deviation
 */
public record FieldScaling(ElementType type, double low, double high) {

    public FieldScaling {
        if (type != ElementType.UINT8 && type != ElementType.FLOAT32 && type != ElementType.FLOAT64) {
            throw new IllegalArgumentException("the diffusion surrogate handles uint8 masks and float fields, not "
                    + type.numpyName());
        }
        if (type != ElementType.UINT8 && !(high > 0)) {
            throw new IllegalArgumentException("the field's standard deviation is " + high
                    + "; a constant field cannot be standardized");
        }
    }

    /** Fits the scaling on every value of {@code field} in {@code batch}. */
    public static FieldScaling fit(Field field, SampleBatch batch) {
        int count = batch.size() * field.elementsPerSample();
        if (field.type() == ElementType.UINT8) {
            byte[] bytes = batch.bytes(field.name());
            int min = 255;
            int max = 0;
            for (byte b : bytes) {
                min = Math.min(min, Byte.toUnsignedInt(b));
                max = Math.max(max, Byte.toUnsignedInt(b));
            }
            return new FieldScaling(ElementType.UINT8, min, Math.max(max, min + 1));
        }
        double sum = 0;
        double sumSquares = 0;
        for (int i = 0; i < count; i++) {
            double v = batch.value(field.name(), 0, i);
            sum += v;
            sumSquares += v * v;
        }
        double mean = sum / count;
        double variance = Math.max(0, sumSquares / count - mean * mean);
        return new FieldScaling(field.type(), mean, Math.sqrt(variance));
    }

    /** Returns the network value of one raw value. */
    public float toNetwork(double value) {
        if (type == ElementType.UINT8) {
            return (float) (2 * (value - low) / (high - low) - 1);
        }
        return (float) ((value - low) / high);
    }

    /** Converts network values (N elements) to the field's Java array: byte[], float[] or double[]. */
    public Object fromNetwork(float[] values) {
        switch (type) {
            case UINT8 -> {
                byte[] bytes = new byte[values.length];
                for (int i = 0; i < values.length; i++) {
                    bytes[i] = (byte) (values[i] > 0 ? high : low);
                }
                return bytes;
            }
            case FLOAT32 -> {
                float[] floats = new float[values.length];
                for (int i = 0; i < values.length; i++) {
                    floats[i] = (float) (values[i] * high + low);
                }
                return floats;
            }
            default -> {
                double[] doubles = new double[values.length];
                for (int i = 0; i < values.length; i++) {
                    doubles[i] = values[i] * high + low;
                }
                return doubles;
            }
        }
    }

    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("type", type.numpyName());
        node.put("low", low);
        node.put("high", high);
        return node;
    }

    public static FieldScaling fromJson(JsonNode node) {
        return new FieldScaling(ElementType.fromNumpyName(node.get("type").asText()), node.get("low").asDouble(),
                node.get("high").asDouble());
    }
}
