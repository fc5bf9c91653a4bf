package org.twinfold.ml.lstm;

/**
 * The scaled input rows of an operator: each frame's d values scaled by the frame scaling, followed,
 * when the operator has {@link FrameFeatures}, by its e feature values scaled by the feature scaling.
 *
 * @param scaling scaling of the d frame values
 * @param features per-frame features; null for none
 * @param featureScaling scaling of the e feature values; null when {@code features} is null
 */
record InputFrames(ComponentScaling scaling, FrameFeatures features, ComponentScaling featureScaling) {

    /** Returns d + e, the values per input frame. */
    int inputSize() {
        return scaling.frameSize() + featureSize();
    }

    /** Returns e, the feature values per frame; 0 without features. */
    int featureSize() {
        return features == null ? 0 : features.size();
    }

    /**
     * Computes the features of {@code frame}, scales frame and features and writes the d + e values to
     * {@code out[offset, offset + inputSize())}.
     */
    void write(float[] frame, double[] parameters, float[] out, int offset) {
        int d = scaling.frameSize();
        for (int k = 0; k < d; k++) {
            out[offset + k] = scaling.scale(frame[k], k);
        }
        if (features != null) {
            features.compute(frame, parameters, out, offset + d);
            for (int k = 0; k < features.size(); k++) {
                out[offset + d + k] = featureScaling.scale(out[offset + d + k], k);
            }
        }
    }

    /**
     * Returns the base of the residual target for the frame after {@code frames[last]}: the features'
     * step for {@link PredictionTarget#STEP_CORRECTION}, else {@link PredictionTarget#base} per component.
     *
     * @param parameters the trajectory's parameters; unused without features
     */
    double[] base(PredictionTarget target, float[][] frames, int last, double[] parameters) {
        int d = scaling.frameSize();
        double[] base = new double[d];
        if (target == PredictionTarget.STEP_CORRECTION) {
            features.step(frames[last], parameters, base);
            return base;
        }
        for (int k = 0; k < d; k++) {
            base[k] = target.base(frames, last, k);
        }
        return base;
    }

    /**
     * Checks that there is one parameter array per trajectory, each with at least the values that the
     * features read; the message names {@code role} ("trajectory", "window").
     */
    void requireParameters(double[][] parameters, int count, String role) {
        requireParameters(features, parameters, count, role);
    }

    static void requireParameters(FrameFeatures features, double[][] parameters, int count, String role) {
        if (features == null) {
            return;
        }
        if (parameters == null || parameters.length != count) {
            String received = parameters == null ? "none" : Integer.toString(parameters.length);
            throw new IllegalArgumentException("the features " + features.toJson() + " need one parameter array per "
                    + role + ", " + count + " in all, but got " + received + "; pass each trajectory's parameters,"
                    + " such as its mass");
        }
        for (int i = 0; i < count; i++) {
            int supplied = parameters[i] == null ? 0 : parameters[i].length;
            if (supplied < features.parameterCount()) {
                throw new IllegalArgumentException(role + " " + i + " has " + supplied + " parameters, but the features "
                        + features.toJson() + " read " + features.parameterCount() + "; pass the trajectory's"
                        + " parameters, such as its mass");
            }
        }
    }

    /**
     * Returns the features of every frame of every trajectory, (trajectories, frames, e), in the
     * features' units; null without features.
     */
    static float[][][] computeAll(FrameFeatures features, float[][][] trajectories, double[][] parameters) {
        if (features == null) {
            return null;
        }
        requireParameters(features, parameters, trajectories.length, "trajectory");
        float[][][] result = new float[trajectories.length][][];
        for (int t = 0; t < trajectories.length; t++) {
            result[t] = new float[trajectories[t].length][features.size()];
            for (int f = 0; f < trajectories[t].length; f++) {
                features.compute(trajectories[t][f], parameters[t], result[t][f], 0);
                requireFinite(result[t][f], t, f);
            }
        }
        return result;
    }

    private static void requireFinite(float[] values, int trajectory, int frame) {
        for (int k = 0; k < values.length; k++) {
            if (!Float.isFinite(values[k])) {
                throw new IllegalArgumentException("feature " + k + " of trajectory " + trajectory + ", frame " + frame
                        + " is " + values[k] + "; remove or repair that trajectory (particles on top of each other?)");
            }
        }
    }
}
