/**
 * The calorimeter task's own evaluation step and report section. It computes the CaloChallenge 2022
 * metrics (separation power of the challenge's histograms, classifier AUC on low- and high-level
 * features, FPD and KPD, a correlated chi-square of the layer profile) and the surrogate's generation
 * time per shower. It draws the challenge's standard plots and writes both samples as challenge files.
 */
package org.twinfold.cli.calo;
