package org.twinfold.ml.lstm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import org.twinfold.ml.JsonArrays;

/**
 * Per-component min-max scaling of frames to [-1, 1]: {@code u_k = 2 (x_k - min_k) / (max_k - min_k) - 1},
 * fitted on the frames of the training trajectories (every value that appears in a training window or
 * target). A component with zero spread gets spread 2, so it maps to {@code x_k - min_k - 1} rather
 * than dividing by zero. Values outside the fitted range map outside [-1, 1]; nothing is clipped.
 *
 * <p>The arrays are not copied; treat them as read-only.
 *
 * @param min per frame component, in the frame's unit
 * @param max per frame component, at least {@code min}, in the frame's unit
 */
public record MinMaxScaling(double[] min, double[] max) implements ComponentScaling {

    /** Version of the JSON layout; readers reject newer versions. */
    public static final int FORMAT_VERSION = 1;
    /** Value of {@code kind} in the JSON form. */
    public static final String KIND = "minMax[-1,1]";
    /** Rows per component kept for the quantiles of {@link #fitQuantiles}. */
    static final int MAX_QUANTILE_VALUES = 200_000;

    public MinMaxScaling {
        if (min.length != max.length || min.length == 0) {
            throw new IllegalArgumentException("min has " + min.length + " components and max " + max.length
                    + "; both need one value per frame component");
        }
        for (int k = 0; k < min.length; k++) {
            if (!(max[k] >= min[k]) || !Double.isFinite(min[k]) || !Double.isFinite(max[k])) {
                throw new IllegalArgumentException("component " + k + " has min " + min[k] + " and max " + max[k]
                        + "; both must be finite with max >= min");
            }
        }
    }

    /**
     * Fits the range of every component over the listed trajectories.
     *
     * @param trajectories (trajectories, frames, d), finite
     * @param selected indices of the trajectories to fit on, at least one
     */
    public static MinMaxScaling fit(float[][][] trajectories, int[] selected) {
        if (selected.length == 0) {
            throw new IllegalArgumentException("no trajectories selected to fit the scaling on; select at least one");
        }
        int d = trajectories[selected[0]][0].length;
        double[] min = new double[d];
        double[] max = new double[d];
        Arrays.fill(min, Double.POSITIVE_INFINITY);
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
        for (int index : selected) {
            for (float[] frame : trajectories[index]) {
                for (int k = 0; k < d; k++) {
                    min[k] = Math.min(min[k], frame[k]);
                    max[k] = Math.max(max[k], frame[k]);
                }
            }
        }
        return new MinMaxScaling(min, max);
    }

    /**
     * Fits a robust range to every component of residual rows, such as the increments
     * {@code x_{n+1} - x_n} an operator predicts: min and max are the {@code tail} and {@code 1 - tail}
     * quantiles, so that rare large values (close collisions) do not squeeze the common ones into a
     * sliver of [-1, 1]; the rare ones map outside it. With {@code tail} 0 this is the plain minimum and
     * maximum. Every stride-th row is kept, at most {@value #MAX_QUANTILE_VALUES} per component.
     *
     * @param rows (count, d) residuals, finite, at least one row
     * @param count the number of rows
     * @param tail share of values below min (and above max) per component, in [0, 0.5)
     */
    public static MinMaxScaling fitQuantiles(Iterable<float[]> rows, int count, int d, double tail) {
        if (count == 0) {
            throw new IllegalArgumentException("no rows to fit the scaling on; pass at least one");
        }
        if (!(tail >= 0 && tail < 0.5)) {
            throw new IllegalArgumentException("tail is " + tail + "; it must be in [0, 0.5), e.g. 0.01");
        }
        int stride = Math.max(1, count / MAX_QUANTILE_VALUES);
        float[][] values = new float[d][(count + stride - 1) / stride];
        int seen = 0;
        int kept = 0;
        for (float[] row : rows) {
            if (seen++ % stride != 0 || kept >= values[0].length) {
                continue;
            }
            for (int k = 0; k < d; k++) {
                values[k][kept] = row[k];
            }
            kept++;
        }

        double[] min = new double[d];
        double[] max = new double[d];
        for (int k = 0; k < d; k++) {
            float[] sorted = Arrays.copyOf(values[k], kept);
            Arrays.sort(sorted);
            min[k] = sorted[(int) Math.floor(tail * (kept - 1))];
            max[k] = sorted[(int) Math.ceil((1 - tail) * (kept - 1))];
        }
        return new MinMaxScaling(min, max);
    }

    @Override
    public int frameSize() {
        return min.length;
    }

    @Override
    public float scale(float value, int k) {
        return (float) (2 * (value - min[k]) / spread(k) - 1);
    }

    @Override
    public float unscale(float scaled, int k) {
        return (float) (min[k] + 0.5 * (scaled + 1) * spread(k));
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("formatVersion", FORMAT_VERSION);
        node.put("kind", KIND);
        node.set("min", JsonArrays.of(min));
        node.set("max", JsonArrays.of(max));
        return node;
    }

    public static MinMaxScaling fromJson(JsonNode node) {
        int version = node.path("formatVersion").asInt(-1);
        if (version < 1 || version > FORMAT_VERSION) {
            throw new IllegalArgumentException("min-max scaling has format version " + version + "; this code reads 1 to "
                    + FORMAT_VERSION + ", so update twinfold to read it");
        }
        return new MinMaxScaling(JsonArrays.doubles(node, "min"), JsonArrays.doubles(node, "max"));
    }

    private double spread(int k) {
        double width = max[k] - min[k];
        return width > 0 ? width : 2;
    }
}
