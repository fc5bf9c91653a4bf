package org.twinfold.ml.mlp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.twinfold.ml.JsonArrays;

/**
 * Affine maps applied around the network: inputs {@code u_j = (x_j - inputOffset_j) / inputScale_j};
 * outputs {@code y_k = outputMean_k + outputStd_k * z_k}, with z the network output. Output statistics
 * are per component of the flattened field, fitted on the training outputs. A component or input
 * with zero spread gets scale 1, so it maps to a constant rather than dividing by zero.
 *
 * <p>The arrays are not copied; treat them as read-only.
 *
 * @param inputScaling how the input maps were fitted
 * @param inputOffset per input, in the input's unit
 * @param inputScale per input, positive, in the input's unit
 * @param outputMean per output component, in the field's unit
 * @param outputStd per output component, positive, in the field's unit
 */
public record Normalization(InputScaling inputScaling, double[] inputOffset, double[] inputScale, double[] outputMean,
        double[] outputStd) {

    /** Version of the JSON layout; readers reject newer versions. */
    public static final int FORMAT_VERSION = 1;

    /**
     * Fits the output statistics and the input map.
     *
     * @param inputs (n, p) training inputs, finite
     * @param outputs (n, d) training outputs, finite
     * @param ranges for {@link InputScaling#PARAMETER_RANGES}: {min[], max[]} of length p each; ignored otherwise
     */
    public static Normalization fit(InputScaling scaling, float[][] inputs, float[][] outputs, double[][] ranges) {
        int p = inputs[0].length;
        double[] offset = new double[p];
        double[] scale = new double[p];
        if (scaling == InputScaling.PARAMETER_RANGES) {
            if (ranges == null || ranges.length != 2 || ranges[0].length != p || ranges[1].length != p) {
                throw new IllegalArgumentException("PARAMETER_RANGES scaling needs min and max arrays of length " + p
                        + "; pass the parameter space or use MEAN_STD");
            }
            for (int j = 0; j < p; j++) {
                offset[j] = 0.5 * (ranges[0][j] + ranges[1][j]);
                double halfWidth = 0.5 * (ranges[1][j] - ranges[0][j]);
                scale[j] = halfWidth > 0 ? halfWidth : 1;
            }
        } else {
            double[][] stats = meanAndStd(inputs);
            offset = stats[0];
            scale = stats[1];
        }
        double[][] outputStats = meanAndStd(outputs);
        return new Normalization(scaling, offset, scale, outputStats[0], outputStats[1]);
    }

    /** Returns the normalized inputs as one flat row-major (n, p) array. */
    public float[] normalizeInputs(float[][] inputs) {
        int p = inputOffset.length;
        float[] flat = new float[inputs.length * p];
        for (int row = 0; row < inputs.length; row++) {
            for (int j = 0; j < p; j++) {
                flat[row * p + j] = (float) ((inputs[row][j] - inputOffset[j]) / inputScale[j]);
            }
        }
        return flat;
    }

    /** Returns the normalized outputs of one row, (d). */
    public float[] normalizeOutputs(float[] outputs) {
        float[] result = new float[outputs.length];
        for (int k = 0; k < outputs.length; k++) {
            result[k] = (float) ((outputs[k] - outputMean[k]) / outputStd[k]);
        }
        return result;
    }

    /** Maps flat (rows, d) network outputs back to field units, as (rows, d). */
    public float[][] denormalizeOutputs(float[] flat, int rows) {
        int d = outputMean.length;
        float[][] result = new float[rows][d];
        for (int row = 0; row < rows; row++) {
            for (int k = 0; k < d; k++) {
                result[row][k] = (float) (outputMean[k] + outputStd[k] * flat[row * d + k]);
            }
        }
        return result;
    }

    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("formatVersion", FORMAT_VERSION);
        node.put("inputScaling", inputScaling.name());
        node.set("inputOffset", JsonArrays.of(inputOffset));
        node.set("inputScale", JsonArrays.of(inputScale));
        node.set("outputMean", JsonArrays.of(outputMean));
        node.set("outputStd", JsonArrays.of(outputStd));
        return node;
    }

    public static Normalization fromJson(JsonNode node) {
        int version = node.path("formatVersion").asInt(-1);
        if (version < 1 || version > FORMAT_VERSION) {
            throw new IllegalArgumentException("normalization has format version " + version + "; this code reads 1 to "
                    + FORMAT_VERSION);
        }
        return new Normalization(InputScaling.valueOf(node.get("inputScaling").asText()), JsonArrays.doubles(node, "inputOffset"),
                JsonArrays.doubles(node, "inputScale"), JsonArrays.doubles(node, "outputMean"), JsonArrays.doubles(node, "outputStd"));
    }

    private static double[][] meanAndStd(float[][] rows) {
        int columns = rows[0].length;
        double[] mean = new double[columns];
        double[] std = new double[columns];
        for (float[] row : rows) {
            for (int j = 0; j < columns; j++) {
                mean[j] += row[j];
            }
        }
        for (int j = 0; j < columns; j++) {
            mean[j] /= rows.length;
        }
        for (float[] row : rows) {
            for (int j = 0; j < columns; j++) {
                double deviation = row[j] - mean[j];
                std[j] += deviation * deviation;
            }
        }
        for (int j = 0; j < columns; j++) {
            std[j] = Math.sqrt(std[j] / rows.length);
            if (!(std[j] > 1e-12 * Math.max(1, Math.abs(mean[j])))) {
                std[j] = 1;
            }
        }
        return new double[][] {mean, std};
    }
}
