package org.twinfold.ml.vae;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Structure of a {@link VaeNetwork}: the encoder maps (field d, condition p) through the hidden
 * widths to 2 L values (mean and log standard deviation of the latent), the decoder maps
 * (latent L, condition p) through the hidden widths in reverse order to d values. Every hidden layer
 * is Linear then SiLU. Saved in checkpoint metadata; parameter names follow the layer order, so a
 * changed structure cannot load old weights.
 *
 * @param fieldSize d, values per sample
 * @param conditionSize p, condition values per sample; 0 for an unconditional model
 * @param latentSize L
 * @param hiddenWidths encoder widths, from the input side; the decoder uses them reversed
 */
public record VaeArchitecture(int fieldSize, int conditionSize, int latentSize, List<Integer> hiddenWidths) {

    public VaeArchitecture {
        if (fieldSize < 1 || conditionSize < 0 || latentSize < 1) {
            throw new IllegalArgumentException("field size " + fieldSize + ", condition size " + conditionSize
                    + " and latent size " + latentSize + " are invalid; they must be at least 1, 0 and 1");
        }
        hiddenWidths = List.copyOf(hiddenWidths);
        for (int width : hiddenWidths) {
            if (width < 1) {
                throw new IllegalArgumentException("hidden widths " + hiddenWidths + " contain " + width
                        + "; every width must be at least 1");
            }
        }
    }

    /** Returns the decoder's hidden widths, the encoder's reversed. */
    public List<Integer> decoderWidths() {
        List<Integer> reversed = new ArrayList<>(hiddenWidths);
        java.util.Collections.reverse(reversed);
        return reversed;
    }

    /** Returns the number of trainable values of encoder and decoder together. */
    public long parameterCount() {
        return linearStack(fieldSize + conditionSize, hiddenWidths, 2L * latentSize)
                + linearStack(latentSize + conditionSize, decoderWidths(), fieldSize);
    }

    private static long linearStack(long input, List<Integer> widths, long output) {
        long count = 0;
        long previous = input;
        for (int width : widths) {
            count += previous * width + width;
            previous = width;
        }
        return count + previous * output + output;
    }

    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("fieldSize", fieldSize);
        node.put("conditionSize", conditionSize);
        node.put("latentSize", latentSize);
        hiddenWidths.forEach(node.putArray("hiddenWidths")::add);
        return node;
    }

    public static VaeArchitecture fromJson(JsonNode node) {
        List<Integer> widths = new ArrayList<>();
        node.get("hiddenWidths").forEach(width -> widths.add(width.asInt()));
        return new VaeArchitecture(node.get("fieldSize").asInt(), node.get("conditionSize").asInt(),
                node.get("latentSize").asInt(), widths);
    }
}
