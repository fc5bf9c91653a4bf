package org.twinfold.core.evaluation;

/**
 * How often a classifier trained on simulations assigns a class's samples to that class.
 *
 * @param referenceCorrect held-out simulated samples of the class assigned to it
 * @param referenceCount held-out simulated samples of the class
 * @param generatedCorrect generated samples of the class assigned to it
 * @param generatedCount generated samples of the class
 */
public record ClassifierAccuracy(int referenceCorrect, int referenceCount, int generatedCorrect, int generatedCount) {

    public ClassifierAccuracy {
        if (referenceCorrect < 0 || referenceCorrect > referenceCount || generatedCorrect < 0
                || generatedCorrect > generatedCount) {
            throw new IllegalArgumentException("correct counts " + referenceCorrect + " of " + referenceCount + " and "
                    + generatedCorrect + " of " + generatedCount + " are invalid; each must be in [0, count]");
        }
    }

    /** Returns the accuracy on held-out simulations, NaN without samples. */
    public double referenceAccuracy() {
        return referenceCount == 0 ? Double.NaN : (double) referenceCorrect / referenceCount;
    }

    /** Returns the accuracy on generated samples, NaN without samples. */
    public double generatedAccuracy() {
        return generatedCount == 0 ? Double.NaN : (double) generatedCorrect / generatedCount;
    }

    /** Returns the generated accuracy over the held-out accuracy; the target is 0.8 or more. */
    public double accuracyRatio() {
        return generatedAccuracy() / referenceAccuracy();
    }
}
