package org.twinfold.ml.mlp;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Structure of the network: {@code inputSize} -> hidden widths (each a Linear layer followed by the
 * activation) -> a Linear layer of {@code outputSize}. Input shape (batch, inputSize), output shape
 * (batch, outputSize). Saved in checkpoint metadata so {@link MlpRegressor#load} can rebuild it;
 * parameter names follow the layer order, so a changed structure cannot load old weights.
 *
 * @param inputSize p, the number of parameters per sample
 * @param outputSize d, the number of field values per sample
 * @param hiddenWidths widths of the hidden layers, each at least 1; may be empty for a linear model
 * @param activation hidden-layer nonlinearity
 */
public record MlpArchitecture(int inputSize, int outputSize, List<Integer> hiddenWidths, MlpActivation activation) {

    public MlpArchitecture {
        if (inputSize < 1 || outputSize < 1) {
            throw new IllegalArgumentException("input size " + inputSize + " and output size " + outputSize
                    + " must both be at least 1");
        }
        hiddenWidths = List.copyOf(hiddenWidths);
        for (int width : hiddenWidths) {
            if (width < 1) {
                throw new IllegalArgumentException("hidden widths " + hiddenWidths + " contain " + width
                        + "; every width must be at least 1");
            }
        }
        if (activation == null) {
            throw new IllegalArgumentException("activation is missing; choose SILU, GELU or TANH");
        }
    }

    /** Builds the block and initializes its parameters on {@code manager} (DJL's default Xavier initializer). */
    public Block newBlock(NDManager manager) {
        SequentialBlock block = new SequentialBlock();
        for (int width : hiddenWidths) {
            block.add(Linear.builder().setUnits(width).build());
            block.add(activation.block());
        }
        block.add(Linear.builder().setUnits(outputSize).build());
        block.initialize(manager, DataType.FLOAT32, new Shape(1, inputSize));
        return block;
    }

    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("inputSize", inputSize);
        node.put("outputSize", outputSize);
        hiddenWidths.forEach(node.putArray("hiddenWidths")::add);
        node.put("activation", activation.name());
        return node;
    }

    public static MlpArchitecture fromJson(JsonNode node) {
        List<Integer> widths = new ArrayList<>();
        node.get("hiddenWidths").forEach(width -> widths.add(width.asInt()));
        return new MlpArchitecture(node.get("inputSize").asInt(), node.get("outputSize").asInt(), widths,
                MlpActivation.valueOf(node.get("activation").asText()));
    }
}
