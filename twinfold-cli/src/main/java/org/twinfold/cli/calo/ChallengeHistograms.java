package org.twinfold.cli.calo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.twinfold.cli.calo.ShowerSample.LayerFeature;
import org.twinfold.core.metrics.Binning;
import org.twinfold.core.metrics.Histogram;
import org.twinfold.core.metrics.MetricResult;
import org.twinfold.core.metrics.SeparationPower;

/**
 * The histograms of the CaloChallenge 2022 evaluation code ({@code code/evaluate.py} of the
 * CaloChallenge/homepage repository) and their separation power, generated against reference:
 * E_tot / E_inc in 100 bins over [0.5, 1.5]; E_layer in 40 logarithmic bins from the 15.15 keV
 * threshold to the reference maximum of that layer; centres of energy in eta and phi in 100 bins
 * over [-30, 30] mm; widths in 100 bins over [0, 30] mm; sparsity in 20 bins over [0, 1]; voxel
 * energies in 50 logarithmic bins from the threshold to the reference maximum.
 *
 * <p>Values outside the bins do not count, as in {@code numpy.histogram}; so a shower whose layer is
 * empty (E_layer below the threshold) is absent from that layer's E_layer histogram. When one
 * histogram of a pair is empty and the other is not, S is 1; when both are empty, S is 0.
 */
final class ChallengeHistograms {
    private final double thresholdMeV;

    /** @param thresholdMeV the lowest voxel energy that counts, 0.01515 MeV in the challenge */
    ChallengeHistograms(double thresholdMeV) {
        if (!(thresholdMeV > 0) || !Double.isFinite(thresholdMeV)) {
            throw new IllegalArgumentException("voxel threshold is " + thresholdMeV + " MeV; the logarithmic bins need "
                    + "a finite positive threshold such as 0.01515");
        }
        this.thresholdMeV = thresholdMeV;
    }

    static double[] energyRatioEdges() {
        return Binning.uniform(0.5, 1.5, 100);
    }

    static double[] centreEdges() {
        return Binning.uniform(-30, 30, 100);
    }

    static double[] widthEdges() {
        return Binning.uniform(0, 30, 100);
    }

    static double[] sparsityEdges() {
        return Binning.uniform(0, 1, 20);
    }

    /** Returns 40 logarithmic edges from the threshold to the larger of the reference maximum and 10 x the threshold. */
    double[] layerEnergyEdges(double[] reference) {
        return logarithmicEdges(maximum(reference), 40);
    }

    /** Returns 50 logarithmic edges from the threshold to the larger of the reference maximum and 10 x the threshold. */
    double[] voxelEnergyEdges(float[] referenceShowers) {
        double max = 0;
        for (float e : referenceShowers) {
            max = Math.max(max, e);
        }
        return logarithmicEdges(max, 50);
    }

    /** Returns the separation power of every histogram, as metrics named {@code separation_power/...}. */
    List<MetricResult> separationPowers(ShowerSample reference, ShowerSample generated) {
        List<MetricResult> metrics = new ArrayList<>();
        metrics.add(result("energy_ratio", "E_tot / E_inc, 100 bins over [0.5, 1.5]",
                separation(energyRatioEdges(), reference.energyRatios(), generated.energyRatios())));

        int layers = reference.layers();
        double sum = 0;
        for (int l = 0; l < layers; l++) {
            double[] simulated = reference.layerValues(LayerFeature.ENERGY, l);
            double s = separation(layerEnergyEdges(simulated), simulated,
                    generated.layerValues(LayerFeature.ENERGY, l));
            sum += s;
            metrics.add(result(String.format(Locale.ROOT, "layer_energy/layer_%02d", l),
                    "E_layer of layer " + l + ", 40 logarithmic bins from the threshold to the reference maximum", s));
        }
        metrics.add(MetricResult.withoutUncertainty("separation_power/layer_energy/mean", sum / layers, "1",
                "mean over the " + layers + " layers of separation_power/layer_energy/layer_NN"));

        metrics.add(meanOverLayers(reference, generated, LayerFeature.CENTRE_ETA, "centre_eta",
                "centre of energy in eta, 100 bins over [-30, 30] mm", centreEdges()));
        metrics.add(meanOverLayers(reference, generated, LayerFeature.CENTRE_PHI, "centre_phi",
                "centre of energy in phi, 100 bins over [-30, 30] mm", centreEdges()));
        metrics.add(meanOverLayers(reference, generated, LayerFeature.WIDTH_ETA, "width_eta",
                "width in eta, 100 bins over [0, 30] mm", widthEdges()));
        metrics.add(meanOverLayers(reference, generated, LayerFeature.WIDTH_PHI, "width_phi",
                "width in phi, 100 bins over [0, 30] mm", widthEdges()));
        metrics.add(meanOverLayers(reference, generated, LayerFeature.SPARSITY, "sparsity",
                "sparsity (1 - fraction of voxels above the threshold), 20 bins over [0, 1]", sparsityEdges()));

        double[] voxelEdges = voxelEnergyEdges(reference.showers());
        metrics.add(result("voxel_energy", "energies of all voxels, 50 logarithmic bins from the threshold to the "
                + "reference maximum", separationOfCounts(voxelCounts(reference.showers(), voxelEdges),
                voxelCounts(generated.showers(), voxelEdges))));
        return metrics;
    }

    /**
     * Returns the counts of the voxel energies in logarithmic {@code edges}, without building an
     * array of every value (5,000 Dataset 2 showers hold 32 million voxels).
     */
    static double[] voxelCounts(float[] showers, double[] edges) {
        int bins = edges.length - 1;
        double low = edges[0];
        double high = edges[bins];
        double logLow = Math.log(low);
        double logStep = (Math.log(high) - logLow) / bins;
        double[] counts = new double[bins];
        for (float value : showers) {
            if (value < low || value > high) {
                continue;
            }
            int bin = Math.min(bins - 1, (int) ((Math.log(value) - logLow) / logStep));
            // Rounding of the logarithm can put a value next to an edge one bin off; the edges decide.
            if (bin > 0 && value < edges[bin]) {
                bin--;
            } else if (bin < bins - 1 && value >= edges[bin + 1]) {
                bin++;
            }
            counts[bin]++;
        }
        return counts;
    }

    /** Returns S of two samples histogrammed with {@code edges}, with the rule for empty histograms. */
    static double separation(double[] edges, double[] reference, double[] generated) {
        return separationOfCounts(Histogram.of(edges, reference).counts(), Histogram.of(edges, generated).counts());
    }

    private static double separationOfCounts(double[] reference, double[] generated) {
        boolean referenceEmpty = sum(reference) == 0;
        boolean generatedEmpty = sum(generated) == 0;
        if (referenceEmpty || generatedEmpty) {
            return referenceEmpty && generatedEmpty ? 0 : 1;
        }
        return SeparationPower.of(reference, generated);
    }

    private MetricResult meanOverLayers(ShowerSample reference, ShowerSample generated, LayerFeature feature,
                                        String name, String description, double[] edges) {
        int layers = reference.layers();
        double sum = 0;
        for (int l = 0; l < layers; l++) {
            sum += separation(edges, reference.layerValues(feature, l), generated.layerValues(feature, l));
        }
        return MetricResult.withoutUncertainty("separation_power/" + name + "/mean", sum / layers, "1",
                "mean over the " + layers + " layers of the separation power of each layer's histograms of the "
                        + description + ": " + SeparationPower.DEFINITION);
    }

    private double[] logarithmicEdges(double referenceMaximum, int bins) {
        return Binning.logarithmic(thresholdMeV, Math.max(referenceMaximum, 10 * thresholdMeV), bins);
    }

    private static MetricResult result(String name, String histogram, double value) {
        return MetricResult.withoutUncertainty("separation_power/" + name, value, "1",
                "separation power of the histograms of " + histogram + ": " + SeparationPower.DEFINITION);
    }

    private static double maximum(double[] values) {
        double max = 0;
        for (double value : values) {
            max = Math.max(max, value);
        }
        return max;
    }

    private static double sum(double[] values) {
        double total = 0;
        for (double value : values) {
            total += value;
        }
        return total;
    }
}
