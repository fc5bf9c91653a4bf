package org.twinfold.core.evaluation;

import java.util.SplittableRandom;
import org.twinfold.core.metrics.WassersteinDistance;

/**
 * Wasserstein-1 distances of one observable of one class, averaged over random splits of the pooled
 * simulated samples (held-out and floor sets together). Each split draws set A, as large as the held-out
 * set, and leaves the rest as set B. The floor is the mean of W1(A, B) and the generated distance the
 * mean of W1(generated, A). For a surrogate that matches the simulator, both estimate the distance that
 * independent sets of these sizes show. A single pair of sets scatters much more: with 50 vasculogenesis
 * masks per class, the lacuna count's floor varies by a third to two thirds of its mean from one pair to
 * the next.
 *
 * @param count splits drawn
 * @param wasserstein mean W1(generated, A) over the splits
 * @param floorWasserstein mean W1(A, B) over the splits
 * @param floorSpread standard deviation of W1(A, B) over the splits: the scatter of a single pair's floor
 */
public record SplitDistances(int count, double wasserstein, double floorWasserstein, double floorSpread) {

    /**
     * Splits per observable and class. A single split's floor scatters by a third to two thirds of the mean,
     * so the mean of 200 carries a Monte Carlo error of about 2% to 5% of itself.
     */
    public static final int COUNT = 200;

    /** Fixed seed of the splits, so that one evaluation always gives the same numbers. */
    private static final long SEED = 20_231_205L;

    /**
     * Returns the mean distances over {@link #COUNT} random splits of {@code reference} and {@code floor}
     * pooled.
     *
     * @throws IllegalArgumentException when a sample is empty or contains a non-finite value
     */
    public static SplitDistances of(double[] reference, double[] floor, double[] generated) {
        double[] pooled = new double[reference.length + floor.length];
        System.arraycopy(reference, 0, pooled, 0, reference.length);
        System.arraycopy(floor, 0, pooled, reference.length, floor.length);
        double[] first = new double[reference.length];
        double[] rest = new double[floor.length];
        SplittableRandom random = new SplittableRandom(SEED);
        double sumGenerated = 0;
        double sumFloor = 0;
        double sumFloorSquares = 0;
        for (int split = 0; split < COUNT; split++) {
            shuffle(pooled, random);
            System.arraycopy(pooled, 0, first, 0, first.length);
            System.arraycopy(pooled, first.length, rest, 0, rest.length);
            double floorDistance = WassersteinDistance.of(first, rest);
            sumGenerated += WassersteinDistance.of(generated, first);
            sumFloor += floorDistance;
            sumFloorSquares += floorDistance * floorDistance;
        }
        double floorMean = sumFloor / COUNT;
        double variance = Math.max(0, (sumFloorSquares - COUNT * floorMean * floorMean) / (COUNT - 1));
        return new SplitDistances(COUNT, sumGenerated / COUNT, floorMean, Math.sqrt(variance));
    }

    /**
     * Returns the generated distance over the floor; infinite when the floor is 0 and the generated
     * distance is not.
     */
    public double ratio() {
        return ClassObservable.ratio(wasserstein, floorWasserstein);
    }

    // Fisher-Yates shuffle in place.
    private static void shuffle(double[] values, SplittableRandom random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            double swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
    }
}
