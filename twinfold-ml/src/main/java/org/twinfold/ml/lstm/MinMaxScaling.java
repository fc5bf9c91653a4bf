package org.twinfold.ml.lstm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;

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
public record MinMaxScaling(double[] min, double[] max) {

    /** Version of the JSON layout; readers reject newer versions. */
    public static final int FORMAT_VERSION = 1;
    /** Increments per component kept for the quantiles of {@link #fitIncrements}. */
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
     * Fits a robust range to every component of the frame increments {@code x_{n+1} - x_n} over the listed
     * trajectories, for operators that predict the change of the frame: min and max are the
     * {@code tail} and {@code 1 - tail} quantiles of the increments, so that rare large increments (close
     * collisions) do not squeeze the common ones into a sliver of [-1, 1]; the rare ones map outside it.
     * With {@code tail} 0 this is the plain minimum and maximum.
     *
     * @param trajectories (trajectories, frames, d), finite, each with at least two frames
     * @param selected indices of the trajectories to fit on, at least one
     * @param tail share of increments below min (and above max) per component, in [0, 0.5)
     */
    public static MinMaxScaling fitIncrements(float[][][] trajectories, int[] selected, double tail) {
        if (selected.length == 0) {
            throw new IllegalArgumentException("no trajectories selected to fit the scaling on; select at least one");
        }
        if (!(tail >= 0 && tail < 0.5)) {
            throw new IllegalArgumentException("tail is " + tail + "; it must be in [0, 0.5), e.g. 0.01");
        }
        int d = trajectories[selected[0]][0].length;
        int count = 0;
        for (int index : selected) {
            count += trajectories[index].length - 1;
        }
        // Every stride-th increment, at most MAX_QUANTILE_VALUES per component.
        int stride = Math.max(1, count / MAX_QUANTILE_VALUES);
        float[][] values = new float[d][(count + stride - 1) / stride];
        int seen = 0;
        int kept = 0;
        for (int index : selected) {
            float[][] frames = trajectories[index];
            for (int f = 1; f < frames.length; f++, seen++) {
                if (seen % stride != 0 || kept >= values[0].length) {
                    continue;
                }
                for (int k = 0; k < d; k++) {
                    values[k][kept] = frames[f][k] - frames[f - 1][k];
                }
                kept++;
            }
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

    /** Returns d, the number of frame components. */
    public int frameSize() {
        return min.length;
    }

    /** Returns the scaled value of component {@code k}. */
    public float scale(float value, int k) {
        return (float) (2 * (value - min[k]) / spread(k) - 1);
    }

    /** Returns the value of component {@code k} in frame units from its scaled value. */
    public float unscale(float scaled, int k) {
        return (float) (min[k] + 0.5 * (scaled + 1) * spread(k));
    }

    /** Scales every frame of a flat row-major (rows, d) array in place. */
    public void scaleInPlace(float[] frames) {
        int d = frameSize();
        for (int i = 0; i < frames.length; i++) {
            frames[i] = scale(frames[i], i % d);
        }
    }

    /** Maps a flat row-major (rows, d) array of scaled frames back to frame units, as (rows, d). */
    public float[][] unscale(float[] scaled) {
        int d = frameSize();
        float[][] frames = new float[scaled.length / d][d];
        for (int i = 0; i < scaled.length; i++) {
            frames[i / d][i % d] = unscale(scaled[i], i % d);
        }
        return frames;
    }

    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("formatVersion", FORMAT_VERSION);
        node.put("kind", "minMax[-1,1]");
        put(node.putArray("min"), min);
        put(node.putArray("max"), max);
        return node;
    }

    public static MinMaxScaling fromJson(JsonNode node) {
        int version = node.path("formatVersion").asInt(-1);
        if (version < 1 || version > FORMAT_VERSION) {
            throw new IllegalArgumentException("min-max scaling has format version " + version + "; this code reads 1 to "
                    + FORMAT_VERSION + ", so update twinfold to read it");
        }
        return new MinMaxScaling(get(node, "min"), get(node, "max"));
    }

    private double spread(int k) {
        double width = max[k] - min[k];
        return width > 0 ? width : 2;
    }

    private static void put(ArrayNode array, double[] values) {
        for (double value : values) {
            array.add(value);
        }
    }

    private static double[] get(JsonNode node, String name) {
        JsonNode array = node.path(name);
        double[] values = new double[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asDouble();
        }
        return values;
    }
}
