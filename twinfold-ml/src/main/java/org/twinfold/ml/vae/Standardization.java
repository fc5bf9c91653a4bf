package org.twinfold.ml.vae;

import java.util.Locale;

/**
 * The way {@link FieldPreprocessing} standardizes the transformed values y of a field before they
 * enter the network.
 */
public enum Standardization {
    /**
     * One mean and one standard deviation over every value of the training set, so elements that
     * are almost always at the transform's floor keep the scale of the others.
     */
    GLOBAL,
    /**
     * A mean and a standard deviation per element over the training samples, so a squared error in
     * network units weighs every element by its own spread; each standard deviation is floored at
     * {@link FieldPreprocessing#STD_FLOOR_FRACTION} of the global one, so an element that is rarely
     * above the floor does not turn its few other values into outliers.
     */
    PER_ELEMENT;

    /** Returns the setting value: {@code global} or {@code per-element}. */
    public String settingValue() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses {@code global} or {@code per-element}, ignoring case. */
    public static Standardization parse(String text) {
        for (Standardization value : values()) {
            if (value.settingValue().equalsIgnoreCase(text.trim())) {
                return value;
            }
        }
        throw new IllegalArgumentException("vae.standardize is '" + text + "'; use global or per-element");
    }
}
