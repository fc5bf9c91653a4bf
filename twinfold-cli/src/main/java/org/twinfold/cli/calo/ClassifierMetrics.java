package org.twinfold.cli.calo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.twinfold.core.metrics.MetricResult;
import org.twinfold.ml.twosample.ClassifierTwoSampleTest;
import org.twinfold.ml.twosample.TwoSampleOptions;
import org.twinfold.ml.twosample.TwoSampleResult;

/**
 * The CaloChallenge's classifier metrics "cls-low" (log10 E_inc and every voxel divided by E_inc)
 * and "cls-high" (the 362 high-level features), through {@link ClassifierTwoSampleTest}.
 *
 * <p>Note: the network is smaller and trained for fewer epochs than the challenge's (three hidden
 * layers of 2,048, batch 1,000, 50 epochs, float64), so that both tests take a few minutes on 2
 * cores. A smaller network trained for less time usually finds fewer differences, so its AUC is
 * likely below the challenge's for the same samples. The definitions in the results state the sizes used.
 */
final class ClassifierMetrics {
    static final List<Integer> HIDDEN_WIDTHS = List.of(256, 256, 256);
    static final int BATCH_SIZE = 256;
    static final double LEARNING_RATE = 2e-4;
    static final int LOW_LEVEL_EPOCHS = 10;
    static final int HIGH_LEVEL_EPOCHS = 20;

    private ClassifierMetrics() {
    }

    /** Returns {@code cls-low/auc}, {@code cls-low/jsd}, {@code cls-high/auc} and {@code cls-high/jsd}. */
    static List<MetricResult> run(ShowerSample reference, ShowerSample generated, double thresholdMeV, long seed) {
        List<MetricResult> metrics = new ArrayList<>();
        metrics.addAll(test("cls-low", "log10 E_inc and the " + reference.voxels() + " voxels divided by E_inc",
                reference.clsLow(thresholdMeV), generated.clsLow(thresholdMeV), LOW_LEVEL_EPOCHS, seed));
        metrics.addAll(test("cls-high", "the high-level features (log10 E_inc, log10 E_layer, centres and widths in "
                + "eta and phi, log10 E_tot, sparsity, radial centres and widths)", reference.clsHigh(),
                generated.clsHigh(), HIGH_LEVEL_EPOCHS, seed + 1));
        return metrics;
    }

    private static List<MetricResult> test(String name, String inputs, double[][] reference, double[][] generated,
                                           int epochs, long seed) {
        TwoSampleOptions options = TwoSampleOptions.builder().optHiddenWidths(HIDDEN_WIDTHS)
                .optBatchSize(BATCH_SIZE).optLearningRate(LEARNING_RATE).optEpochs(epochs).optSeed(seed).build();
        TwoSampleResult result = ClassifierTwoSampleTest.run(reference, generated, options);
        String network = String.format(Locale.ROOT, " Classifier on %d inputs (%s): hidden layers %s with LeakyReLU, "
                + "Adam at learning rate %.0e, batch %d, %d epochs, float32, the epoch of best test accuracy kept "
                + "(epoch %d); split 60/20/20.", reference[0].length, inputs, HIDDEN_WIDTHS, LEARNING_RATE,
                BATCH_SIZE, epochs, result.bestEpoch());
        List<MetricResult> metrics = new ArrayList<>();
        for (MetricResult metric : result.toMetricResults(name)) {
            metrics.add(new MetricResult(metric.name(), metric.value(), metric.uncertainty(), metric.unit(),
                    metric.definition() + network));
        }
        return metrics;
    }
}
