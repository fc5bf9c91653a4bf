package org.twinfold.ml.diffusion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.twinfold.core.Parameter;
import org.twinfold.core.ParameterPoint;
import org.twinfold.core.ParameterSpace;
import org.twinfold.core.dataset.Json;

/**
 * How parameter points become network conditions. A dataset with class labels gives a
 * class-conditional model: a point's class comes from its label, or, for a point without one, from
 * the class whose parameter values it equals. Otherwise the model is conditioned on the parameter
 * vector, each value mapped linearly from its range to [0, 1]. A dataset with neither is
 * unconditional.
 *
 * @param parameters the task's parameters, in point order
 * @param classPoints the parameter values of each class label seen in training, by label; empty for
 *     a parameter-conditioned model
 * @param classCount labels are in [0, classCount); 0 for a parameter-conditioned model
 */
public record Conditioning(List<Parameter> parameters, Map<Integer, double[]> classPoints, int classCount) {

    public Conditioning {
        parameters = List.copyOf(parameters);
        classPoints = Map.copyOf(classPoints);
    }

    /** Derives the conditioning from a dataset's points: by class when every point has a label. */
    public static Conditioning of(List<Parameter> parameters, List<ParameterPoint> points) {
        boolean labelled = !points.isEmpty() && points.stream().allMatch(p -> p.classLabel().isPresent());
        if (!labelled) {
            return new Conditioning(parameters, Map.of(), 0);
        }
        Map<Integer, double[]> classes = new LinkedHashMap<>();
        int count = 0;
        for (ParameterPoint point : points) {
            int label = point.classLabel().getAsInt();
            if (label < 0) {
                throw new IllegalArgumentException("class label " + label + " of point " + point
                        + " is negative; labels must be 0 or more");
            }
            classes.putIfAbsent(label, point.values());
            count = Math.max(count, label + 1);
        }
        return new Conditioning(parameters, classes, count);
    }

    /** Returns the number of continuous parameters the network receives; 0 for class conditioning. */
    public int parameterCount() {
        return classCount > 0 ? 0 : parameters.size();
    }

    /** Returns the parameter space of the generator, with the training classes as class points. */
    public ParameterSpace space() {
        List<ParameterPoint> classes = new ArrayList<>();
        classPoints.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> classes.add(ParameterPoint.ofClass(e.getKey(), e.getValue())));
        return new ParameterSpace(parameters, classes);
    }

    /**
     * Returns the conditions of {@code points}.
     *
     * @throws IllegalArgumentException for a point without label that matches no training class
     */
    public ConditionBatch conditions(List<ParameterPoint> points) {
        if (classCount > 0) {
            int[] labels = new int[points.size()];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = labelOf(points.get(i));
            }
            return new ConditionBatch(labels, null);
        }
        if (parameters.isEmpty()) {
            return new ConditionBatch(null, null);
        }
        float[][] values = new float[points.size()][parameters.size()];
        for (int i = 0; i < values.length; i++) {
            for (int j = 0; j < parameters.size(); j++) {
                values[i][j] = (float) parameters.get(j).normalize(points.get(i).value(j));
            }
        }
        return new ConditionBatch(null, values);
    }

    private int labelOf(ParameterPoint point) {
        OptionalInt label = point.classLabel();
        if (label.isPresent()) {
            return label.getAsInt();
        }
        for (Map.Entry<Integer, double[]> entry : classPoints.entrySet()) {
            if (Arrays.equals(entry.getValue(), point.values())) {
                return entry.getKey();
            }
        }
        throw new IllegalArgumentException("point " + point + " has no class label and equals no training class;"
                + " the model is class-conditional, so give a label in [0, " + (classCount - 1) + "]");
    }

    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.set("parameters", Json.mapper().valueToTree(parameters));
        node.put("classCount", classCount);
        ArrayNode classes = node.putArray("classPoints");
        classPoints.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            ObjectNode entry = classes.addObject();
            entry.put("label", e.getKey());
            Arrays.stream(e.getValue()).forEach(entry.putArray("values")::add);
        });
        return node;
    }

    public static Conditioning fromJson(JsonNode node) {
        try {
            Parameter[] parameters = Json.mapper().treeToValue(node.get("parameters"), Parameter[].class);
            Map<Integer, double[]> classes = new LinkedHashMap<>();
            for (JsonNode entry : node.get("classPoints")) {
                double[] values = new double[entry.get("values").size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = entry.get("values").get(i).asDouble();
                }
                classes.put(entry.get("label").asInt(), values);
            }
            return new Conditioning(List.of(parameters), classes, node.get("classCount").asInt());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("the conditioning in the checkpoint metadata is unreadable: "
                    + e.getMessage(), e);
        }
    }
}
