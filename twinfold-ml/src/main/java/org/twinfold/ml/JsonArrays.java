package org.twinfold.ml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

/** Arrays of doubles in the JSON that checkpoints keep their scalings in, converted by Jackson. */
public final class JsonArrays {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonArrays() {
    }

    /** Returns {@code values} as a JSON array of numbers. */
    public static ArrayNode of(double[] values) {
        return JSON.valueToTree(values);
    }

    /**
     * Returns the numbers of the array {@code key} in {@code node}, or an empty array when the key is
     * missing, so that the caller's length check names the field.
     */
    public static double[] doubles(JsonNode node, String key) {
        JsonNode array = node.path(key);
        return array.isArray() ? JSON.convertValue(array, double[].class) : new double[0];
    }
}
