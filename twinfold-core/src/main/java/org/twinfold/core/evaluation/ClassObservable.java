package org.twinfold.core.evaluation;

/**
 * One observable of one class: the generated samples against the held-out simulations, and a second
 * simulated set against the same held-out simulations, the noise floor that finite samples set.
 * Samples where the observable is undefined (NaN) are left out. The verdict uses the distances averaged
 * over random splits of the two simulated sets ({@link SplitDistances}), which scatter less than
 * this one pair's.
 *
 * @param name observable name
 * @param unit unit of the values and of the Wasserstein distances
 * @param wasserstein Wasserstein-1 distance, generated against held-out simulations
 * @param ksStatistic Kolmogorov-Smirnov D, generated against held-out simulations
 * @param ksPValue p-value of that D
 * @param floorWasserstein Wasserstein-1 distance, second simulated set against held-out simulations
 * @param floorKsStatistic Kolmogorov-Smirnov D, second simulated set against held-out simulations
 * @param floorKsPValue p-value of that D
 * @param splits the distances averaged over random splits of the held-out and floor sets; null in
 *     evaluations written before format version 4
 * @param referenceValues the observable of every held-out simulated sample of the class
 * @param floorValues the observable of every sample of the class in the second simulated set
 * @param generatedValues the observable of every generated sample of the class
 */
public record ClassObservable(String name, String unit, double wasserstein, double ksStatistic, double ksPValue,
                              double floorWasserstein, double floorKsStatistic, double floorKsPValue,
                              SplitDistances splits,
                              double[] referenceValues, double[] floorValues, double[] generatedValues) {

    /**
     * Returns the generated distance over the noise floor that the verdict uses: the ratio of the means
     * over splits, or for an evaluation without splits the ratio of this pair of sets.
     */
    public double floorRatio() {
        return splits == null ? pairRatio() : splits.ratio();
    }

    /** Returns the generated distance that the verdict uses: the mean over splits, else this pair's. */
    public double judgedWasserstein() {
        return splits == null ? wasserstein : splits.wasserstein();
    }

    /** Returns the floor that the verdict uses: the mean over splits, else this pair's. */
    public double judgedFloor() {
        return splits == null ? floorWasserstein : splits.floorWasserstein();
    }

    /**
     * Returns this pair of sets' ratio, W1(generated, reference) / W1(floor, reference); infinite when
     * the floor is 0 and the generated distance is not.
     */
    public double pairRatio() {
        return ratio(wasserstein, floorWasserstein);
    }

    /** Returns {@code distance / floor}: 0 when both are 0, infinite when only the floor is. */
    static double ratio(double distance, double floor) {
        if (floor == 0) {
            return distance == 0 ? 0 : Double.POSITIVE_INFINITY;
        }
        return distance / floor;
    }
}
