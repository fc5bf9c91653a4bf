package org.twinfold.ml.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Ordered maps from parameter name to array, and their files in DJL's {@link NDList} encoding, which
 * stores each array's name, shape and data type with its values.
 */
public final class NamedArrays {

    private NamedArrays() {
    }

    /**
     * Returns the parameter arrays of an initialized block, keyed by DJL's parameter names, in the
     * block's order. The arrays are the live parameters, not copies.
     */
    public static Map<String, NDArray> parametersOf(Block block) {
        Map<String, NDArray> arrays = new LinkedHashMap<>();
        for (Pair<String, Parameter> pair : block.getParameters()) {
            Parameter parameter = pair.getValue();
            if (!parameter.isInitialized()) {
                throw new IllegalStateException("parameter '" + pair.getKey() + "' is not initialized;"
                        + " call block.initialize(manager, DataType.FLOAT32, inputShapes) before training");
            }
            arrays.put(pair.getKey(), parameter.getArray());
        }
        return arrays;
    }

    /**
     * Marks every array as needing no gradient, for a model loaded only to predict or sample.
     * In a process that has not trained, libtorch's grad mode is on, so it records the autograd graph
     * of every operation on an array that requires a gradient. That graph keeps every activation alive
     * until the output is closed: 14.5 GB resident instead of 0.7 GB, measured when sampling 150 masks
     * with the 0.27 M-parameter U-Net.
     */
    public static void freeze(Map<String, NDArray> parameters) {
        for (NDArray parameter : parameters.values()) {
            parameter.setRequiresGradient(false);
        }
    }

    /** Writes the arrays, with their names, to {@code file}. */
    public static void write(Map<String, NDArray> arrays, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            encodeNamed(arrays, out);
        }
    }

    /** Reads arrays written by {@link #write} onto {@code manager}, keyed by name, in file order. */
    public static Map<String, NDArray> read(NDManager manager, Path file) throws IOException {
        NDList list;
        try (InputStream in = Files.newInputStream(file)) {
            list = NDList.decode(manager, in);
        }
        Map<String, NDArray> arrays = new LinkedHashMap<>();
        for (NDArray array : list) {
            arrays.put(array.getName(), array);
        }
        return arrays;
    }

    /**
     * Copies every source array's values into the target array of the same name, in place.
     *
     * @param description what the arrays are, for error messages (such as "EMA weights")
     * @throws IllegalArgumentException when a name is missing on either side or a shape or type differs
     */
    public static void copyInto(Map<String, NDArray> source, Map<String, NDArray> target, String description) {
        if (!source.keySet().equals(target.keySet())) {
            throw new IllegalArgumentException(description + " hold parameters " + source.keySet() + " but the model has "
                    + target.keySet() + "; the checkpoint belongs to a different network structure");
        }
        for (Map.Entry<String, NDArray> entry : target.entrySet()) {
            NDArray from = source.get(entry.getKey());
            NDArray to = entry.getValue();
            if (!from.getShape().equals(to.getShape()) || from.getDataType() != to.getDataType()) {
                throw new IllegalArgumentException(description + " parameter '" + entry.getKey() + "' is "
                        + from.getDataType() + " " + from.getShape() + " but the model expects "
                        + to.getDataType() + " " + to.getShape());
            }
            to.set(from.toByteBuffer());
        }
    }

    private static void encodeNamed(Map<String, NDArray> arrays, OutputStream out) throws IOException {
        NDList list = new NDList(arrays.size());
        Map<NDArray, String> previousNames = new LinkedHashMap<>();
        for (Map.Entry<String, NDArray> entry : arrays.entrySet()) {
            previousNames.put(entry.getValue(), entry.getValue().getName());
            entry.getValue().setName(entry.getKey());
            list.add(entry.getValue());
        }
        try {
            list.encode(out);
        } finally {
            previousNames.forEach(NDArray::setName);
        }
    }
}
