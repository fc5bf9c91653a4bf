package org.twinfold.ml.lstm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.twinfold.ml.JsonArrays;

/**
 * Per-component standardization {@code u_k = (x_k - mean_k) / std_k}. Unlike min-max scaling, one
 * rare extreme value (a close collision) does not squeeze the common values into a sliver of the
 * range. A component with zero spread gets std 1.
 *
 * <p>The arrays are not copied; treat them as read-only.
 *
 * @param mean per component, in the frame's unit
 * @param std per component, positive, in the frame's unit
 */
public record Standardization(double[] mean, double[] std) implements ComponentScaling {

    /** Version of the JSON layout; readers reject newer versions. */
    public static final int FORMAT_VERSION = 1;
    /** Value of {@code kind} in the JSON form. */
    public static final String KIND = "standard";

    public Standardization {
        if (mean.length != std.length || mean.length == 0) {
            throw new IllegalArgumentException("mean has " + mean.length + " components and std " + std.length
                    + "; both need one value per frame component");
        }
        for (int k = 0; k < mean.length; k++) {
            if (!Double.isFinite(mean[k]) || !(std[k] > 0) || !Double.isFinite(std[k])) {
                throw new IllegalArgumentException("component " + k + " has mean " + mean[k] + " and std " + std[k]
                        + "; the mean must be finite and the std finite and positive");
            }
        }
    }

    /**
     * Fits mean and standard deviation per component over rows of values.
     *
     * @param rows (rows, d), finite, at least one row
     */
    public static Standardization fit(Iterable<float[]> rows, int d) {
        double[] sum = new double[d];
        double[] sumSquares = new double[d];
        long count = 0;
        for (float[] row : rows) {
            for (int k = 0; k < d; k++) {
                sum[k] += row[k];
                sumSquares[k] += (double) row[k] * row[k];
            }
            count++;
        }
        if (count == 0) {
            throw new IllegalArgumentException("no values to fit the standardization on; pass at least one row");
        }

        double[] mean = new double[d];
        double[] std = new double[d];
        for (int k = 0; k < d; k++) {
            mean[k] = sum[k] / count;
            double variance = Math.max(0, sumSquares[k] / count - mean[k] * mean[k]);
            std[k] = variance > 0 ? Math.sqrt(variance) : 1;
        }
        return new Standardization(mean, std);
    }

    @Override
    public int frameSize() {
        return mean.length;
    }

    @Override
    public float scale(float value, int k) {
        return (float) ((value - mean[k]) / std[k]);
    }

    @Override
    public float unscale(float scaled, int k) {
        return (float) (mean[k] + scaled * std[k]);
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("formatVersion", FORMAT_VERSION);
        node.put("kind", KIND);
        node.set("mean", JsonArrays.of(mean));
        node.set("std", JsonArrays.of(std));
        return node;
    }

    public static Standardization fromJson(JsonNode node) {
        int version = node.path("formatVersion").asInt(-1);
        if (version < 1 || version > FORMAT_VERSION) {
            throw new IllegalArgumentException("standardization has format version " + version + "; this code reads 1"
                    + " to " + FORMAT_VERSION + ", so update twinfold to read it");
        }
        return new Standardization(JsonArrays.doubles(node, "mean"), JsonArrays.doubles(node, "std"));
    }
}
