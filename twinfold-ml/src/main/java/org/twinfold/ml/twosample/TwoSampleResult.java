package org.twinfold.ml.twosample;

import java.util.List;
import org.twinfold.core.metrics.MetricResult;
import org.twinfold.core.metrics.RocAuc;

/**
 * Outcome of {@link ClassifierTwoSampleTest#run}, on the validation split.
 *
 * @param auc ROC AUC of the classifier's logits for "generated" against "reference"; 0.5 when the
 *     samples cannot be distinguished
 * @param aucNullDeviation standard deviation of the AUC of an uninformative classifier on the
 *     validation split, sqrt((n1 + n2 + 1) / (12 n1 n2))
 * @param jsd (ln 2 - BCE) / ln 2, with BCE the binary cross-entropy of the isotonically calibrated
 *     probabilities. About 0 when the samples are indistinguishable, 1 when perfectly separated
 * @param bestEpoch the epoch (from 1) whose weights were kept, the one with the best test accuracy
 * @param bestTestAccuracy that accuracy on the test split, at probability threshold 0.5
 * @param trainRows rows of both classes in the training split
 * @param testRows rows of both classes in the test split
 * @param validationReferenceRows reference rows in the validation split
 * @param validationGeneratedRows generated rows in the validation split
 */
public record TwoSampleResult(double auc, double aucNullDeviation, double jsd, int bestEpoch, double bestTestAccuracy,
                              int trainRows, int testRows, int validationReferenceRows, int validationGeneratedRows) {

    /** Definition of the JSD value. */
    public static final String JSD_DEFINITION = "JSD = (ln 2 - BCE) / ln 2 of the classifier's isotonically calibrated"
            + " probabilities on the validation split; 0 indistinguishable, 1 separated";

    /** Returns the AUC and the JSD as metric results named {@code prefix + "/auc"} and {@code prefix + "/jsd"}. */
    public List<MetricResult> toMetricResults(String prefix) {
        String split = " (validation split: " + validationReferenceRows + " reference and " + validationGeneratedRows
                + " generated rows)";
        return List.of(new MetricResult(prefix + "/auc", auc, aucNullDeviation, "1", RocAuc.DEFINITION + split),
                MetricResult.withoutUncertainty(prefix + "/jsd", jsd, "1", JSD_DEFINITION + split));
    }
}
