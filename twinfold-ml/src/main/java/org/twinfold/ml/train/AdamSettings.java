package org.twinfold.ml.train;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Hyperparameters of {@link AdamOptimizer}.
 *
 * @param kind Adam (L2 penalty in the gradient) or AdamW (decoupled weight decay)
 * @param beta1 decay of the first-moment average, in [0, 1); 0.9 is the usual value
 * @param beta2 decay of the second-moment average, in [0, 1); 0.999 is the usual value
 * @param epsilon added to the square root of the second moment, positive; 1e-8 is the usual value
 * @param weightDecay lambda, zero or positive, per step and per unit learning rate for AdamW
 */
public record AdamSettings(OptimizerKind kind, double beta1, double beta2, double epsilon, double weightDecay) {

    public AdamSettings {
        if (kind == null) {
            throw new IllegalArgumentException("optimizer kind is missing; choose ADAM or ADAMW");
        }
        requireUnitInterval("beta1", beta1);
        requireUnitInterval("beta2", beta2);
        if (!(epsilon > 0) || !Double.isFinite(epsilon)) {
            throw new IllegalArgumentException("epsilon is " + epsilon + "; it must be finite and positive, e.g. 1e-8");
        }
        if (!(weightDecay >= 0) || !Double.isFinite(weightDecay)) {
            throw new IllegalArgumentException("weight decay is " + weightDecay + "; it must be finite and >= 0");
        }
    }

    /** Returns Adam with beta1 0.9, beta2 0.999, epsilon 1e-8 and no weight decay. */
    public static AdamSettings adam() {
        return new AdamSettings(OptimizerKind.ADAM, 0.9, 0.999, 1e-8, 0);
    }

    /** Returns AdamW with beta1 0.9, beta2 0.999, epsilon 1e-8 and the given weight decay. */
    public static AdamSettings adamW(double weightDecay) {
        return new AdamSettings(OptimizerKind.ADAMW, 0.9, 0.999, 1e-8, weightDecay);
    }

    /** Returns the settings as strings, for provenance records. */
    public Map<String, String> describe() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("optimizer", kind.name());
        values.put("beta1", Double.toString(beta1));
        values.put("beta2", Double.toString(beta2));
        values.put("epsilon", Double.toString(epsilon));
        values.put("weightDecay", Double.toString(weightDecay));
        return values;
    }

    private static void requireUnitInterval(String name, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException(name + " is " + value + "; it must be in [0, 1)");
        }
    }
}
