package org.twinfold.ml.vae;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.twinfold.core.Parameter;
import org.twinfold.core.ParameterPoint;
import org.twinfold.core.dataset.Json;

/**
 * The condition vector that encoder and decoder receive: per parameter j,
 * c_j = (g_j(value) - mean_j) / std_j, with g_j = log10 for parameters in the log set and the
 * identity otherwise, and mean and standard deviation over the training points. A parameter with no
 * spread in training gets std 1.
 *
 * @param parameters the dataset's parameters, in point order
 * @param logarithmic per parameter, true when it is conditioned on log10 of its value
 * @param mean per parameter, mean of g over the training points
 * @param std per parameter, standard deviation of g over the training points, positive
 */
public record ParameterConditioning(List<Parameter> parameters, boolean[] logarithmic, double[] mean, double[] std) {

    /** Version of the JSON layout; readers reject newer versions. */
    public static final int FORMAT_VERSION = 1;

    public ParameterConditioning {
        parameters = List.copyOf(parameters);
    }

    /**
     * Fits mean and standard deviation on the training points.
     *
     * @throws IllegalArgumentException when a log10-conditioned parameter has a value that is not positive
     */
    public static ParameterConditioning fit(List<Parameter> parameters, double[][] points, Set<String> logNames) {
        int p = parameters.size();
        boolean[] logarithmic = new boolean[p];
        for (int j = 0; j < p; j++) {
            logarithmic[j] = logNames.contains(parameters.get(j).name());
        }
        ParameterConditioning identity = new ParameterConditioning(parameters, logarithmic, new double[p], ones(p));

        double[] mean = new double[p];
        double[] sumSquares = new double[p];
        for (double[] point : points) {
            for (int j = 0; j < p; j++) {
                double g = identity.transformed(point[j], j);
                mean[j] += g;
                sumSquares[j] += g * g;
            }
        }
        double[] std = new double[p];
        for (int j = 0; j < p; j++) {
            mean[j] /= points.length;
            double variance = sumSquares[j] / points.length - mean[j] * mean[j];
            std[j] = variance > 1e-24 * Math.max(1, mean[j] * mean[j]) ? Math.sqrt(variance) : 1;
        }
        return new ParameterConditioning(parameters, logarithmic, mean, std);
    }

    public int size() {
        return parameters.size();
    }

    /** Returns the conditions of {@code points} as a flat (n, p) array. */
    public float[] conditions(List<ParameterPoint> points) {
        int p = size();
        float[] values = new float[points.size() * p];
        for (int i = 0; i < points.size(); i++) {
            for (int j = 0; j < p; j++) {
                values[i * p + j] = (float) ((transformed(points.get(i).value(j), j) - mean[j]) / std[j]);
            }
        }
        return values;
    }

    /** Returns the conditions of raw (n, p) parameter rows as a flat (n, p) array. */
    public float[] conditions(double[][] points) {
        List<ParameterPoint> list = new ArrayList<>(points.length);
        for (double[] point : points) {
            list.add(ParameterPoint.of(point));
        }
        return conditions(list);
    }

    private double transformed(double value, int j) {
        if (!logarithmic[j]) {
            return value;
        }
        if (!(value > 0)) {
            throw new IllegalArgumentException("parameter '" + parameters.get(j).name() + "' is " + value
                    + " but is conditioned on its log10; remove it from vae.log-parameters or use positive values");
        }
        return Math.log10(value);
    }

    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("formatVersion", FORMAT_VERSION);
        node.set("parameters", Json.mapper().valueToTree(parameters));
        ArrayNode log = node.putArray("log10");
        for (boolean flag : logarithmic) {
            log.add(flag);
        }
        ArrayNode means = node.putArray("mean");
        for (double value : mean) {
            means.add(value);
        }
        ArrayNode deviations = node.putArray("std");
        for (double value : std) {
            deviations.add(value);
        }
        return node;
    }

    /** Parses {@link #toJson}; rejects a newer format version. */
    public static ParameterConditioning fromJson(JsonNode node) {
        int version = node.path("formatVersion").asInt(-1);
        if (version < 1 || version > FORMAT_VERSION) {
            throw new IllegalArgumentException("VAE conditioning has format version " + version
                    + "; this code reads 1 to " + FORMAT_VERSION + ". Use a newer twinfold.");
        }
        Parameter[] parameters;
        try {
            parameters = Json.mapper().treeToValue(node.get("parameters"), Parameter[].class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("the VAE conditioning in the checkpoint is unreadable: "
                    + e.getMessage(), e);
        }
        int p = parameters.length;
        boolean[] logarithmic = new boolean[p];
        double[] mean = new double[p];
        double[] std = new double[p];
        for (int j = 0; j < p; j++) {
            logarithmic[j] = node.get("log10").get(j).asBoolean();
            mean[j] = node.get("mean").get(j).asDouble();
            std[j] = node.get("std").get(j).asDouble();
        }
        return new ParameterConditioning(List.of(parameters), logarithmic, mean, std);
    }

    private static double[] ones(int size) {
        double[] values = new double[size];
        java.util.Arrays.fill(values, 1);
        return values;
    }
}
