package org.twinfold.cli.operator;

import java.util.Arrays;
import java.util.Locale;
import org.twinfold.ml.lstm.PredictionTarget;

/** The operator network's output: the next frame, or a residual over a base step it does not learn. */
public enum OperatorTarget {
    /** The next frame itself, as the reference work trained its operator. */
    NEXT_FRAME(PredictionTarget.NEXT_FRAME, "next frames", "the next frame x<sub>n+1</sub> itself"),
    /** The increment x_(n+1) - x_n over the last frame. */
    INCREMENT(PredictionTarget.INCREMENT, "increments", "the increment x<sub>n+1</sub> &minus; x<sub>n</sub> over the"
            + " last frame"),
    /** Correction to the constant-velocity step 2 x_n - x_(n-1). */
    CONSTANT_VELOCITY_CORRECTION(PredictionTarget.EXTRAPOLATION_CORRECTION, "corrections", "the correction of the"
            + " constant-velocity step x<sub>n+1</sub> = 2 x<sub>n</sub> &minus; x<sub>n&minus;1</sub>"),
    /** Correction to one velocity Verlet step of Delta_R from the last frame; needs acceleration inputs. */
    VERLET_STEP_CORRECTION(PredictionTarget.STEP_CORRECTION, "corrections", "the correction of one velocity Verlet"
            + " step of &Delta;<sub>R</sub> from the last frame");

    private final PredictionTarget target;
    private final String quantity;
    private final String html;

    OperatorTarget(PredictionTarget target, String quantity, String html) {
        this.target = target;
        this.quantity = quantity;
        this.html = html;
    }

    /** Returns what the network outputs in the plural, for messages: "increments", "corrections". */
    public String quantity() {
        return quantity;
    }

    /** Returns an HTML phrase for reports, such as "the increment x<sub>n+1</sub> &minus; x<sub>n</sub> ...". */
    String html() {
        return html;
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
