package org.twinfold.ml.vae;

import java.util.Locale;

/**
 * Element-wise map of a field value u, already divided by the training maximum so that u is in
 * [0, 1] on the training data, to the value the network learns. The constant alpha keeps zeros
 * finite; {@link FieldPreprocessing#ALPHA} is 1e-6.
 */
public enum VoxelTransform {
    /** y = ln(u + alpha); inverse u = exp(y) - alpha. */
    LOG,
    /** y = logit(alpha + (1 - 2 alpha) u) = ln(v / (1 - v)); inverse u = (sigmoid(y) - alpha) / (1 - 2 alpha). */
    LOGIT,
    /** y = u. */
    NONE;

    /** Returns y for u. */
    public double forward(double u, double alpha) {
        return switch (this) {
            case LOG -> Math.log(u + alpha);
            case LOGIT -> {
                double v = alpha + (1 - 2 * alpha) * u;
                yield Math.log(v / (1 - v));
            }
            case NONE -> u;
        };
    }

    /** Returns u for y; exact inverse of {@link #forward} up to rounding. */
    public double inverse(double y, double alpha) {
        return switch (this) {
            case LOG -> Math.exp(y) - alpha;
            case LOGIT -> (1 / (1 + Math.exp(-y)) - alpha) / (1 - 2 * alpha);
            case NONE -> y;
        };
    }

    /** Returns the setting value: {@code log}, {@code logit} or {@code none}. */
    public String settingValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code log}, {@code logit} or {@code none}, ignoring case. */
    public static VoxelTransform parse(String text) {
        for (VoxelTransform transform : values()) {
            if (transform.settingValue().equalsIgnoreCase(text.trim())) {
                return transform;
            }
        }
        throw new IllegalArgumentException("vae.transform is '" + text + "'; use log, logit or none");
    }
}
