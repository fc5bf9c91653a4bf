package org.twinfold.ml.diffusion;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * The conditions of a batch of N samples, in the form the {@link UNet} takes: a class label per
 * sample (when the network has a class embedding) and a vector of parameters normalized to [0, 1]
 * (when it has a parameter embedding). A dropped condition (for classifier-free guidance) becomes an
 * all-zero one-hot row and an all-zero parameter row including its presence flag.
 *
 * @param labels class label per sample, each in [0, classCount); null without class embedding
 * @param parameters normalized parameters, (N, p); null without parameter embedding
 */
public record ConditionBatch(int[] labels, float[][] parameters) {

    /** Returns the sample count N, or -1 when the batch contains no conditions at all. */
    int size() {
        if (labels != null) {
            return labels.length;
        }
        if (parameters != null) {
            return parameters.length;
        }
        return -1;
    }

    /**
     * Builds the network's condition inputs: the one-hot classes (N, classCount) and the parameters
     * with their presence flag (N, p + 1), each present only when {@code config} has that embedding.
     *
     * @param count N, used when the batch holds no conditions
     * @param dropped per sample, true to drop its condition; null to keep all
     */
    NDList encode(NDManager manager, UNetConfig config, int count, boolean[] dropped) {
        NDList arrays = new NDList();
        if (config.classCount() > 0) {
            requirePresent(labels, "class labels");
            int k = config.classCount();
            float[] oneHot = new float[count * k];
            for (int i = 0; i < count; i++) {
                int label = labels[i];
                if (label < 0 || label >= k) {
                    throw new IllegalArgumentException("class label " + label + " of sample " + i
                            + " is outside [0, " + (k - 1) + "], the classes the network was trained on");
                }
                if (dropped == null || !dropped[i]) {
                    oneHot[i * k + label] = 1;
                }
            }
            arrays.add(manager.create(oneHot, new Shape(count, k)));
        }
        if (config.parameterCount() > 0) {
            requirePresent(parameters, "parameters");
            int p = config.parameterCount();
            float[] values = new float[count * (p + 1)];
            for (int i = 0; i < count; i++) {
                if (parameters[i].length != p) {
                    throw new IllegalArgumentException("sample " + i + " has " + parameters[i].length
                            + " parameters; the network was trained with " + p);
                }
                if (dropped == null || !dropped[i]) {
                    System.arraycopy(parameters[i], 0, values, i * (p + 1), p);
                    values[i * (p + 1) + p] = 1;
                }
            }
            arrays.add(manager.create(values, new Shape(count, p + 1)));
        }
        return arrays;
    }

    /** Returns the conditions of samples [from, to). */
    ConditionBatch slice(int from, int to) {
        int[] l = labels == null ? null : java.util.Arrays.copyOfRange(labels, from, to);
        float[][] p = parameters == null ? null : java.util.Arrays.copyOfRange(parameters, from, to);
        return new ConditionBatch(l, p);
    }

    private static void requirePresent(Object values, String what) {
        if (values == null) {
            throw new IllegalArgumentException("the network is conditioned on " + what + " but none were given");
        }
    }
}
