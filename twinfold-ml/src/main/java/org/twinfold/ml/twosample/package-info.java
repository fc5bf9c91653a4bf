/**
 * The classifier two-sample test of the CaloChallenge evaluation. A DJL network learns to tell
 * generated from reference rows of a feature matrix (voxels, or high-level features). Its ROC AUC
 * and JSD on held-out rows measure how far apart the two samples are.
 * {@link org.twinfold.ml.twosample.ClassifierTwoSampleTest#run} is the entry point.
 */
package org.twinfold.ml.twosample;
