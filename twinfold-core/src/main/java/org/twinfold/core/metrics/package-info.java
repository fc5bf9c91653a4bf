/**
 * Statistics and distances that compare a generated sample with a simulated one, without any neural
 * network: histograms and common binning, separation power, the 1-D Wasserstein-1 distance, the
 * two-sample Kolmogorov-Smirnov test, the correlated chi-square test of mean vectors, the ROC AUC
 * of a classifier's scores, the Fréchet and kernel distances of feature samples (FPD and KPD), and
 * the effective speedup of a surrogate.
 *
 * <p>Each metric can be reported as a {@link org.twinfold.core.metrics.MetricResult}, which carries
 * the value, its uncertainty, its unit and its definition so that an evaluation written as JSON can be
 * read without the code that produced it. The distributions and decompositions come from Hipparchus
 * 4.0.2 (Kolmogorov-Smirnov distribution, regularized gamma function, Cholesky and singular value
 * decompositions, symmetric eigendecomposition).
 *
 * <p>Every class here is immutable or stateless and safe to use from several threads.
 */
package org.twinfold.core.metrics;
