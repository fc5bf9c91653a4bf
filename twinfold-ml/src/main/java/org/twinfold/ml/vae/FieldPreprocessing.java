package org.twinfold.ml.vae;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.twinfold.core.Parameter;

/**
 * The invertible map between a sample's field x (flattened, d values) and the network's values z:
 *
 * <pre>
 *   u = x / (n * m)              n: the sample's normalizing parameter (1 without one),
 *                                m: the maximum of x / n over the training set
 *   y = T(u)                     T: the {@link VoxelTransform}, with alpha = {@value #ALPHA}
 *   z_j = (y_j - mean_j) / std_j  mean, std: per element j, or one pair for all elements,
 *                                as set by the {@link Standardization}
 * </pre>
 *
 * The inverse maps z back, clips u at 0 when every training value was 0 or more, and sets values
 * below the threshold to 0. Every constant is saved in the checkpoint's normalization, so sampling
 * inverts exactly the map that training used.
 *
 * @param elements d, values per sample
 * @param normalizeBy the dividing parameter's name, if any
 * @param normalizeIndex its index in the parameter list; ignored without one
 * @param transform T
 * @param alpha the constant of T
 * @param fieldMaximum m, positive
 * @param standardization how mean and std were fitted
 * @param mean (d) mean_j of y; the same value d times under {@link Standardization#GLOBAL}
 * @param std (d) std_j of y, each positive; the same value d times under {@link Standardization#GLOBAL}
 * @param nonNegative true when every training value was 0 or more, so generated values are clipped at 0
 * @param thresholdMeV generated values below this, in the field's unit, become 0
 */
public record FieldPreprocessing(int elements, Optional<String> normalizeBy, int normalizeIndex,
                                 VoxelTransform transform, double alpha, double fieldMaximum,
                                 Standardization standardization, double[] mean, double[] std, boolean nonNegative,
                                 double thresholdMeV) {

    /** The constant that keeps log and logit of 0 finite: ln(1e-6) = -13.8. */
    public static final double ALPHA = 1e-6;
    /** Version of the JSON layout; readers reject newer versions. Version 1 had one global mean and std. */
    public static final int FORMAT_VERSION = 2;
    /** Lower bound of a per-element standard deviation, as a fraction of the global one. */
    public static final double STD_FLOOR_FRACTION = 0.1;

    public FieldPreprocessing {
        if (mean.length != elements || std.length != elements) {
            throw new IllegalArgumentException("field preprocessing of " + elements + " elements got " + mean.length
                    + " means and " + std.length + " standard deviations; give one per element");
        }
        mean = mean.clone();
        std = std.clone();
    }

    /**
     * Fits the constants on the training set.
     *
     * @param values (n, d) flat training fields, finite; 0 or more for the log and logit transforms
     * @param points (n, p) parameter values of the samples
     * @throws IllegalArgumentException for a value that is not finite, a negative value under log or
     *     logit, or a normalizing parameter that is not positive
     */
    public static FieldPreprocessing fit(float[] values, int elements, double[][] points, List<Parameter> parameters,
                                         VaeDataSettings settings) {
        int index = settings.normalizeBy().map(name -> indexOf(parameters, name)).orElse(-1);
        int rows = points.length;
        if ((long) rows * elements != values.length) {
            throw new IllegalArgumentException(values.length + " field values are not " + rows + " samples of "
                    + elements);
        }

        double maximum = 0;
        boolean nonNegative = true;
        for (int i = 0; i < rows; i++) {
            double divisor = divisor(points[i], index, settings.normalizeBy(), i);
            for (int j = 0; j < elements; j++) {
                float x = values[i * elements + j];
                if (!Float.isFinite(x)) {
                    throw new IllegalArgumentException("training field of sample " + i + " contains " + x
                            + " at element " + j + "; remove or repair that sample");
                }
                nonNegative &= x >= 0;
                maximum = Math.max(maximum, Math.abs(x / divisor));
            }
        }
        if (!nonNegative && settings.transform() != VoxelTransform.NONE) {
            throw new IllegalArgumentException("the training field has negative values, which vae.transform = "
                    + settings.transform().settingValue() + " cannot take; use vae.transform = none");
        }
        double fieldMaximum = maximum > 0 ? maximum : 1;

        FieldPreprocessing withoutMoments = new FieldPreprocessing(elements, settings.normalizeBy(), index,
                settings.transform(), ALPHA, fieldMaximum, settings.standardization(), new double[elements],
                filled(elements, 1), nonNegative, settings.thresholdMeV());
        double[] sum = new double[elements];
        double[] sumSquares = new double[elements];
        for (int i = 0; i < rows; i++) {
            double divisor = withoutMoments.divisorOf(points[i]);
            for (int j = 0; j < elements; j++) {
                double y = withoutMoments.transformed(values[i * elements + j], divisor);
                sum[j] += y;
                sumSquares[j] += y * y;
            }
        }
        double[][] moments = settings.standardization() == Standardization.GLOBAL
                ? globalMoments(sum, sumSquares, rows) : elementMoments(sum, sumSquares, rows);
        return new FieldPreprocessing(elements, settings.normalizeBy(), index, settings.transform(), ALPHA,
                fieldMaximum, settings.standardization(), moments[0], moments[1], nonNegative,
                settings.thresholdMeV());
    }

    /** Returns {mean, std} with the moments over all elements, repeated per element. */
    private static double[][] globalMoments(double[] sum, double[] sumSquares, int rows) {
        int elements = sum.length;
        double count = (double) rows * elements;
        double mean = Arrays.stream(sum).sum() / count;
        double variance = Math.max(0, Arrays.stream(sumSquares).sum() / count - mean * mean);
        double std = variance > 0 ? Math.sqrt(variance) : 1;
        return new double[][] {filled(elements, mean), filled(elements, std)};
    }

    /** Returns {mean, std} per element, each std at least {@link #STD_FLOOR_FRACTION} of the global one. */
    private static double[][] elementMoments(double[] sum, double[] sumSquares, int rows) {
        int elements = sum.length;
        double floor = STD_FLOOR_FRACTION * globalMoments(sum, sumSquares, rows)[1][0];
        double[] mean = new double[elements];
        double[] std = new double[elements];
        for (int j = 0; j < elements; j++) {
            mean[j] = sum[j] / rows;
            double variance = Math.max(0, sumSquares[j] / rows - mean[j] * mean[j]);
            std[j] = Math.max(Math.sqrt(variance), floor);
        }
        return new double[][] {mean, std};
    }

    /** Replaces the flat (n, d) fields by the network's values, in place. */
    public void toNetworkInPlace(float[] values, double[][] points) {
        for (int i = 0; i < points.length; i++) {
            double divisor = divisorOf(points[i]);
            for (int j = 0; j < elements; j++) {
                int k = i * elements + j;
                values[k] = (float) ((transformed(values[k], divisor) - mean[j]) / std[j]);
            }
        }
    }

    /**
     * Maps one sample's network values back to the field, in place.
     *
     * @param z the d network values of one sample
     * @param point the sample's parameter values
     */
    public void fromNetworkInPlace(float[] z, int offset, double[] point) {
        double divisor = divisorOf(point);
        for (int j = 0; j < elements; j++) {
            int k = offset + j;
            double u = transform.inverse(z[k] * std[j] + mean[j], alpha);
            if (nonNegative) {
                u = Math.max(u, 0);
            }
            double x = u * fieldMaximum * divisor;
            z[k] = (float) (Math.abs(x) < thresholdMeV ? 0 : x);
        }
    }

    double transformed(float x, double divisor) {
        return transform.forward(x / divisor / fieldMaximum, alpha);
    }

    double divisorOf(double[] point) {
        return divisor(point, normalizeIndex, normalizeBy, -1);
    }

    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("formatVersion", FORMAT_VERSION);
        node.put("elements", elements);
        if (normalizeBy.isPresent()) {
            node.put("normalizeBy", normalizeBy.get());
        } else {
            node.putNull("normalizeBy");
        }
        node.put("normalizeIndex", normalizeIndex);
        node.put("transform", transform.settingValue());
        node.put("alpha", alpha);
        node.put("fieldMaximum", fieldMaximum);
        node.put("standardization", standardization.settingValue());
        ArrayNode means = node.putArray("mean");
        ArrayNode deviations = node.putArray("std");
        for (int j = 0; j < elements; j++) {
            means.add(mean[j]);
            deviations.add(std[j]);
        }
        node.put("nonNegative", nonNegative);
        node.put("thresholdMeV", thresholdMeV);
        return node;
    }

    /** Parses {@link #toJson}; rejects a newer format version. */
    public static FieldPreprocessing fromJson(JsonNode node) {
        int version = node.path("formatVersion").asInt(-1);
        if (version < 1 || version > FORMAT_VERSION) {
            throw new IllegalArgumentException("VAE field preprocessing has format version " + version
                    + "; this code reads 1 to " + FORMAT_VERSION + ". Use a newer twinfold.");
        }
        int elements = node.get("elements").asInt();
        JsonNode normalizeBy = node.get("normalizeBy");
        Standardization standardization;
        double[] mean;
        double[] std;
        if (version == 1) {
            standardization = Standardization.GLOBAL;
            mean = filled(elements, node.get("mean").asDouble());
            std = filled(elements, node.get("std").asDouble());
        } else {
            standardization = Standardization.parse(node.get("standardization").asText());
            mean = doubles(node.get("mean"));
            std = doubles(node.get("std"));
        }
        return new FieldPreprocessing(elements,
                normalizeBy == null || normalizeBy.isNull() ? Optional.empty() : Optional.of(normalizeBy.asText()),
                node.get("normalizeIndex").asInt(), VoxelTransform.parse(node.get("transform").asText()),
                node.get("alpha").asDouble(), node.get("fieldMaximum").asDouble(), standardization, mean, std,
                node.get("nonNegative").asBoolean(), node.get("thresholdMeV").asDouble());
    }

    /** Returns a copy of mean_j. */
    @Override
    public double[] mean() {
        return mean.clone();
    }

    /** Returns a copy of std_j. */
    @Override
    public double[] std() {
        return std.clone();
    }

    // Records compare array components by reference; these compare the moments by value.
    @Override
    public boolean equals(Object other) {
        return other instanceof FieldPreprocessing that && elements == that.elements
                && normalizeBy.equals(that.normalizeBy) && normalizeIndex == that.normalizeIndex
                && transform == that.transform && Double.compare(alpha, that.alpha) == 0
                && Double.compare(fieldMaximum, that.fieldMaximum) == 0 && standardization == that.standardization
                && Arrays.equals(mean, that.mean) && Arrays.equals(std, that.std) && nonNegative == that.nonNegative
                && Double.compare(thresholdMeV, that.thresholdMeV) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(elements, normalizeBy, normalizeIndex, transform, alpha, fieldMaximum, standardization,
                Arrays.hashCode(mean), Arrays.hashCode(std), nonNegative, thresholdMeV);
    }

    @Override
    public String toString() {
        return "FieldPreprocessing[elements=" + elements + ", normalizeBy=" + normalizeBy + ", transform="
                + transform.settingValue() + ", standardization=" + standardization.settingValue() + ", fieldMaximum="
                + fieldMaximum + "]";
    }

    static double[] filled(int size, double value) {
        double[] values = new double[size];
        Arrays.fill(values, value);
        return values;
    }

    private static double[] doubles(JsonNode array) {
        double[] values = new double[array.size()];
        for (int j = 0; j < values.length; j++) {
            values[j] = array.get(j).asDouble();
        }
        return values;
    }

    private static double divisor(double[] point, int index, Optional<String> name, int sample) {
        if (name.isEmpty()) {
            return 1;
        }
        double value = point[index];
        if (!(value > 0) || !Double.isFinite(value)) {
            String location = sample >= 0 ? "sample " + sample : "point " + java.util.Arrays.toString(point);
            throw new IllegalArgumentException("parameter '" + name.get() + "' of " + location + " is " + value
                    + "; vae.normalize-by needs positive values");
        }
        return value;
    }

    private static int indexOf(List<Parameter> parameters, String name) {
        for (int i = 0; i < parameters.size(); i++) {
            if (parameters.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("vae.normalize-by names parameter '" + name + "', but the parameters are "
                + parameters.stream().map(Parameter::name).toList());
    }
}
