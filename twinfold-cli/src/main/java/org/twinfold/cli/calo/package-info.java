/**
 * The calorimeter task's own evaluation step and report section: the CaloChallenge 2022 metrics
 * (separation power of the challenge's histograms, classifier AUC on low- and high-level features,
 * FPD and KPD, a correlated chi-square of the layer profile), the challenge's standard plots, the
 * surrogate's generation time per shower, and challenge HDF5 files of both samples.
 */
package org.twinfold.cli.calo;
