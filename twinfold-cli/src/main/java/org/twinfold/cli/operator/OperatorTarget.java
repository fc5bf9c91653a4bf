package org.twinfold.cli.operator;

import java.util.Arrays;
import java.util.Locale;
import org.twinfold.ml.lstm.PredictionTarget;

/** What the operator's network predicts: the next frame, or a residual over a base step it does not learn. */
public enum OperatorTarget {
    /** The next frame itself, as the reference work trained its operator. */
    NEXT_FRAME(PredictionTarget.NEXT_FRAME),
    /** The increment x_(n+1) - x_n over the last frame. */
    INCREMENT(PredictionTarget.INCREMENT),
    /** Correction to the constant-velocity step 2 x_n - x_(n-1). */
    CONSTANT_VELOCITY_CORRECTION(PredictionTarget.EXTRAPOLATION_CORRECTION),
    /** Correction to one velocity Verlet step of Delta_R from the last frame; needs acceleration inputs. */
    VERLET_STEP_CORRECTION(PredictionTarget.STEP_CORRECTION);

    private final PredictionTarget target;

    OperatorTarget(PredictionTarget target) {
        this.target = target;
    }

    /** Returns the network's prediction target. */
    public PredictionTarget predictionTarget() {
        return target;
    }

    /** Returns the name in plan files, such as {@code verlet-step-correction}. */
    public String planName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses a plan name; see {@link #planName()}. */
    public static OperatorTarget parse(String text) {
        for (OperatorTarget value : values()) {
            if (value.planName().equals(text)) {
                return value;
            }
        }
        throw new IllegalArgumentException("unknown operator target '" + text + "'; use one of "
                + Arrays.stream(values()).map(OperatorTarget::planName).toList());
    }
}
