package org.twinfold.cli.calo;

import static org.twinfold.cli.report.Html.escape;
import static org.twinfold.cli.report.Html.header;
import static org.twinfold.cli.report.Html.image;
import static org.twinfold.cli.report.Html.number;
import static org.twinfold.cli.report.Html.row;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.twinfold.cli.calo.ShowerSample.LayerFeature;
import org.twinfold.core.dataset.Dataset;
import org.twinfold.core.evaluation.Evaluation;
import org.twinfold.core.metrics.Histogram;
import org.twinfold.core.metrics.MetricResult;
import org.twinfold.core.metrics.SampleStatistics;
import org.twinfold.sim.calo.CaloFeatures;
import org.twinfold.sim.calo.ShowerSettings;

/**
 * The calorimeter section of the HTML report. It puts the headline metrics next to published
 * CaloChallenge results and the generation time per shower next to the published CPU times. It
 * draws the challenge's standard plots from the held-out and generated datasets while they are on disk.
 */
public final class CaloReportSection {
    /** Layers whose E_layer histogram is drawn: near the start, the maximum and the tail of a shower. */
    static final int[] HISTOGRAM_LAYERS = {2, 8, 14, 24};

    private CaloReportSection() {
    }

    /** Appends the section when the evaluation is of the calorimeter task; does nothing otherwise. */
    public static void append(StringBuilder html, Evaluation evaluation) {
        if (!evaluation.task().equals(CaloEvaluationStep.TASK)) {
            return;
        }
        html.append("<h2>Calorimeter (CaloChallenge 2022, Dataset 2 geometry)</h2>\n");
        html.append("<p class=\"note\">The held-out showers come from twinfold's GFlash-style Monte Carlo, a stand-in "
                + "for Geant4, so the published numbers below (generative models judged against Geant4 Dataset 2 "
                + "showers, 100,000 per sample) show the scale only. Every metric and its definition is in the task "
                + "metrics table above.</p>\n");
        comparison(html, evaluation);
        timing(html, evaluation);
        plots(html, evaluation);
    }

    private static void comparison(StringBuilder html, Evaluation evaluation) {
        html.append("<h3>Metrics next to published results</h3>\n<table>")
                .append(header("model", "AUC cls-low", "AUC cls-high", "FPD x 10^3", "KPD x 10^3"));
        html.append(row("<b>this surrogate</b> (against the held-out simulations)",
                value(evaluation, "cls-low/auc", 1), value(evaluation, "cls-high/auc", 1),
                value(evaluation, "fpd", 1e3), value(evaluation, "kpd", 1e3)));
        for (PublishedResults.Row published : PublishedResults.DATASET_2) {
            html.append(row(escape(published.model()) + " (published)", number(published.aucLow()),
                    number(published.aucHigh()), number(published.fpd()), number(published.kpd())));
        }
        html.append("</table>\n<p class=\"note\">Published: CaloChallenge/homepage final_results/"
                + "CaloChallenge_results_ds2.hdf (arXiv:2410.21611); the Geant4 row compares Geant4 with itself. "
                + "The classifier here is smaller and trained for fewer epochs than the challenge's, and FPD and KPD use "
                + "smaller batches; the metric definitions give the sizes.</p>\n");
    }

    private static void timing(StringBuilder html, Evaluation evaluation) {
        if (metric(evaluation, GenerationTiming.PREFIX + 1).isEmpty()) {
            return;
        }
        html.append("<h3>Generation time per shower</h3>\n<table>")
                .append(header("model", "CPU batch 1 [ms]", "CPU batch 100 [ms]", "CPU batch 10,000 [ms]"));
        html.append(row("<b>this surrogate</b> (this machine)", value(evaluation, GenerationTiming.PREFIX + 1, 1),
                value(evaluation, GenerationTiming.PREFIX + 100, 1), value(evaluation, GenerationTiming.PREFIX + 10_000, 1)));
        for (PublishedResults.Row published : PublishedResults.DATASET_2) {
            if (!Double.isNaN(published.cpuBatch1Ms())) {
                html.append(row(escape(published.model()) + " (published)", number(published.cpuBatch1Ms()),
                        number(published.cpuBatch100Ms()), "n/a"));
            }
        }
        html.append("</table>\n<p class=\"note\">The published times ran on other hardware, which the results table "
                + "does not record, and their unit (milliseconds per shower) is inferred from their magnitudes.</p>\n");
    }

    private static void plots(StringBuilder html, Evaluation evaluation) {
        Path referencePath = Path.of(evaluation.reference().path());
        Path generatedPath = Path.of(evaluation.generated().path());
        if (!Files.isDirectory(referencePath) || !Files.isDirectory(generatedPath)) {
            html.append("<p class=\"note\">The datasets are no longer on disk, so the shower plots are not drawn.</p>\n");
            return;
        }
        CaloFeatures calculator = CaloFeatures.dataset2();
        ShowerSample reference = ShowerSample.read(Dataset.open(referencePath), calculator);
        ShowerSample generated = ShowerSample.read(Dataset.open(generatedPath), calculator);
        ChallengeHistograms histograms = new ChallengeHistograms(ShowerSettings.CHALLENGE_THRESHOLD_MEV);

        html.append("<h3>Shower shapes</h3>\n<div>");
        html.append(perLayer(reference, generated, LayerFeature.ENERGY, "mean energy per layer", "E_layer [MeV]", true));
        html.append(perLayer(reference, generated, LayerFeature.CENTRE_ETA, "mean centre of energy in eta",
                "EC_eta [mm]", false));
        html.append(perLayer(reference, generated, LayerFeature.CENTRE_PHI, "mean centre of energy in phi",
                "EC_phi [mm]", false));
        html.append(perLayer(reference, generated, LayerFeature.WIDTH_ETA, "mean width in eta", "width_eta [mm]", false));
        html.append(perLayer(reference, generated, LayerFeature.WIDTH_PHI, "mean width in phi", "width_phi [mm]", false));
        html.append(perLayer(reference, generated, LayerFeature.SPARSITY, "mean sparsity per layer", "sparsity", false));

        double[] ratioEdges = ChallengeHistograms.energyRatioEdges();
        html.append(image(CaloFigures.histogram("E_tot / E_inc", "E_tot / E_inc", ratioEdges,
                Histogram.of(ratioEdges, reference.energyRatios()).counts(),
                Histogram.of(ratioEdges, generated.energyRatios()).counts(), false, false), "histogram of E_tot / E_inc"));
        for (int layer : HISTOGRAM_LAYERS) {
            if (layer >= reference.layers()) {
                continue;
            }
            double[] simulated = reference.layerValues(LayerFeature.ENERGY, layer);
            double[] edges = histograms.layerEnergyEdges(simulated);
            html.append(image(CaloFigures.histogram("E_layer of layer " + layer, "E_layer [MeV]", edges,
                    Histogram.of(edges, simulated).counts(),
                    Histogram.of(edges, generated.layerValues(LayerFeature.ENERGY, layer)).counts(), true, true),
                    "histogram of the energy in layer " + layer));
        }
        double[] voxelEdges = histograms.voxelEnergyEdges(reference.showers());
        html.append(image(CaloFigures.histogram("voxel energies", "voxel energy [MeV]", voxelEdges,
                ChallengeHistograms.voxelCounts(reference.showers(), voxelEdges),
                ChallengeHistograms.voxelCounts(generated.showers(), voxelEdges), true, true),
                "histogram of the voxel energies"));
        html.append(String.format(Locale.ROOT, "</div>\n<p class=\"note\">Blue: %d held-out simulated showers; red: "
                + "%d surrogate showers. Histograms use the challenge's bins and count only values inside them (a "
                + "layer below the 15.15 keV threshold is absent from its E_layer histogram); on a logarithmic axis "
                + "empty bins are drawn at a tenth of the smallest filled one.</p>\n", reference.size(),
                generated.size()));
    }

    private static String perLayer(ShowerSample reference, ShowerSample generated, LayerFeature feature, String title,
                                   String yTitle, boolean logY) {
        byte[] png = CaloFigures.perLayer(title, yTitle, SampleStatistics.columnMeans(reference.perLayer(feature)),
                SampleStatistics.columnMeans(generated.perLayer(feature)), logY);
        return image(png, title);
    }

    private static Optional<MetricResult> metric(Evaluation evaluation, String name) {
        return evaluation.metrics().stream().filter(m -> m.name().equals(name)).findFirst();
    }

    /** Returns the metric's value times {@code scale}, with its uncertainty, or n/a when absent. */
    private static String value(Evaluation evaluation, String name, double scale) {
        return metric(evaluation, name).map(m -> number(m.value() * scale)
                + (m.hasUncertainty() ? " &plusmn; " + number(m.uncertainty() * scale) : "")).orElse("n/a");
    }
}
