package org.twinfold.core.evaluation;

/**
 * A classifier's class for every sample of two datasets, in dataset order.
 *
 * @param reference the predicted class of each held-out simulated sample
 * @param generated the predicted class of each generated sample
 */
public record ClassPredictions(int[] reference, int[] generated) {
}
