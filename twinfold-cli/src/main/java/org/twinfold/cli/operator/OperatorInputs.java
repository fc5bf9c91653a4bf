package org.twinfold.cli.operator;

import java.util.Arrays;
import java.util.Locale;

/** Contents of each frame of the operator's input window; the predicted frame is always positions then velocities. */
public enum OperatorInputs {
    /** Unwrapped positions then velocities, d = 6N. */
    POSITIONS_VELOCITIES,
    /** Positions and velocities, then the pair-force accelerations of {@link AccelerationFeatures}: 9N values. */
    POSITIONS_VELOCITIES_ACCELERATIONS;

    /** Returns the name in plan files, such as {@code positions-velocities-accelerations}. */
    public String planName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses a plan name; see {@link #planName()}. */
    public static OperatorInputs parse(String text) {
        for (OperatorInputs inputs : values()) {
            if (inputs.planName().equals(text)) {
                return inputs;
            }
        }
        throw new IllegalArgumentException("unknown operator inputs '" + text + "'; use one of "
                + Arrays.stream(values()).map(OperatorInputs::planName).toList());
    }
}
