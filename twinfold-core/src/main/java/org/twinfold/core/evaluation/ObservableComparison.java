package org.twinfold.core.evaluation;

/**
 * The distributions of one observable over reference (simulated) and generated samples, and the
 * distances between them.
 *
 * @param name observable name
 * @param unit physical unit of the values and of the Wasserstein distance
 * @param description what the observable measures
 * @param referenceMean mean over reference samples
 * @param referenceStandardError standard error of that mean
 * @param generatedMean mean over generated samples
 * @param generatedStandardError standard error of that mean
 * @param wasserstein 1-D Wasserstein-1 distance between the two samples, in {@code unit}
 * @param ksStatistic two-sample Kolmogorov-Smirnov statistic D
 * @param ksPValue p-value of D under the hypothesis of one distribution
 * @param separationPower triangular discrimination of 30-bin histograms on a common range, in [0, 1]
 * @param referenceValues the observable of every reference sample, for plots
 * @param generatedValues the observable of every generated sample, for plots
 */
public record ObservableComparison(String name, String unit, String description, double referenceMean,
                                   double referenceStandardError, double generatedMean,
                                   double generatedStandardError, double wasserstein, double ksStatistic,
                                   double ksPValue, double separationPower, double[] referenceValues,
                                   double[] generatedValues) {
}
