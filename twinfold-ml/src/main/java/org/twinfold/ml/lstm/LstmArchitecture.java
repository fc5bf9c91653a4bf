package org.twinfold.ml.lstm;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.recurrent.LSTM;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Structure of the operator network: a stack of {@code layers} LSTM layers with {@code hiddenSize}
 * units each (DJL's fused {@link LSTM}, batch first), then a linear head on the output of the last
 * time step. Input shape (batch, windowLength, frameSize + featureSize), output shape (batch, frameSize).
 *
 * <p>Parameter counts differ between frameworks. DJL and PyTorch keep two bias vectors per gate, so
 * a layer with input size n (d + e for the first) has {@code 4h(n + h) + 8h} parameters; Keras keeps one, so
 * {@code 4h(n + h + 1)}. The head has {@code h d + d} in both. For d = 48 and two layers of 64:
 * 65,584 (PyTorch) and 65,072 (Keras).
 *
 * @param frameSize d, values per frame (positions, optionally followed by velocities), at least 1
 * @param featureSize e, {@link FrameFeatures} values appended to each input frame, at least 0
 * @param windowLength S_R, frames in the input window, at least 1 (5 in the reference work)
 * @param hiddenSize h, units per LSTM layer, at least 1
 * @param layers LSTM layers, at least 1
 */
public record LstmArchitecture(int frameSize, int featureSize, int windowLength, int hiddenSize, int layers) {

    public LstmArchitecture {
        requireAtLeastOne(frameSize, "frameSize");
        if (featureSize < 0) {
            throw new IllegalArgumentException("featureSize is " + featureSize + "; it must be at least 0");
        }
        requireAtLeastOne(windowLength, "windowLength");
        requireAtLeastOne(hiddenSize, "hiddenSize");
        requireAtLeastOne(layers, "layers");
    }

    /** Creates a structure without per-frame features (e = 0). */
    public LstmArchitecture(int frameSize, int windowLength, int hiddenSize, int layers) {
        this(frameSize, 0, windowLength, hiddenSize, layers);
    }

    /** Returns d + e, the values per input frame. */
    public int inputSize() {
        return frameSize + featureSize;
    }

    /** Returns the parameter count as DJL and PyTorch store it (two bias vectors per gate). */
    public long pytorchParameterCount() {
        return lstmWeights() + (long) layers * 8 * hiddenSize + headParameters();
    }

    /** Returns the parameter count in the Keras convention (one bias vector per gate). */
    public long kerasParameterCount() {
        return lstmWeights() + (long) layers * 4 * hiddenSize + headParameters();
    }

    /** Builds the network and initializes its parameters on {@code manager} with DJL's default initializers. */
    public Block newBlock(NDManager manager) {
        SequentialBlock block = new SequentialBlock();
        block.add(LSTM.builder().setStateSize(hiddenSize).setNumLayers(layers).optBatchFirst(true)
                .optReturnState(false).build());
        block.add(new LambdaBlock(LstmArchitecture::lastTimeStep, "lastTimeStep"));
        block.add(Linear.builder().setUnits(frameSize).build());
        block.initialize(manager, DataType.FLOAT32, new Shape(1, windowLength, inputSize()));
        return block;
    }

    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("frameSize", frameSize);
        node.put("featureSize", featureSize);
        node.put("windowLength", windowLength);
        node.put("hiddenSize", hiddenSize);
        node.put("layers", layers);
        return node;
    }

    /** Reads {@link #toJson()}; a node without {@code featureSize}, as older checkpoints hold, has no features. */
    public static LstmArchitecture fromJson(JsonNode node) {
        return new LstmArchitecture(node.path("frameSize").asInt(), node.path("featureSize").asInt(0),
                node.path("windowLength").asInt(),
                node.path("hiddenSize").asInt(), node.path("layers").asInt());
    }

    /** Input-to-hidden and hidden-to-hidden weights of all layers: layer 1 takes d + e inputs, later layers h. */
    private long lstmWeights() {
        long h = hiddenSize;
        long first = 4 * h * (inputSize() + h);
        long later = 4 * h * (h + h);
        return first + (layers - 1) * later;
    }

    private long headParameters() {
        return (long) hiddenSize * frameSize + frameSize;
    }

    private static NDList lastTimeStep(NDList sequence) {
        return new NDList(sequence.get(0).get(":, -1, :"));
    }

    private static void requireAtLeastOne(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " is " + value + "; it must be at least 1");
        }
    }
}
