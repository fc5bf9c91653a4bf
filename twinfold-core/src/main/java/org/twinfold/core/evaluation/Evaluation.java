package org.twinfold.core.evaluation;

import java.util.List;
import org.twinfold.core.metrics.ChiSquareResult;
import org.twinfold.core.metrics.MetricResult;

/**
 * Everything an evaluation measured, saved as JSON so that a report can be rebuilt without
 * rerunning anything.
 *
 * @param formatVersion version of this JSON layout
 * @param task task name
 * @param createdAt ISO-8601 UTC time of the evaluation
 * @param reference the held-out simulated dataset
 * @param generated the surrogate's dataset
 * @param training the simulated dataset the surrogate was trained on, or null when not given
 * @param checkpoint the surrogate checkpoint folder, or an empty string when not given
 * @param observables per-observable comparisons
 * @param observableChiSquare correlated chi-square of the observables' mean vector, generated
 *     against reference, with the diagonal-only version
 * @param fieldErrors per-field errors of generated against reference sample by sample, for a
 *     deterministic task whose generated points equal the reference points; empty otherwise
 * @param speedup speedups from measured wall times, or null when the times are not known
 */
public record Evaluation(int formatVersion, String task, String createdAt, DatasetReference reference,
                         DatasetReference generated, DatasetReference training, String checkpoint,
                         List<ObservableComparison> observables, ChiSquareResult observableChiSquare,
                         List<MetricResult> fieldErrors, SpeedupReport speedup) {

    /** The layout version that this code writes. */
    public static final int FORMAT_VERSION = 1;

    public Evaluation {
        observables = List.copyOf(observables);
        fieldErrors = List.copyOf(fieldErrors);
    }

    /** Returns the comparison of the named observable, or throws naming those present. */
    public ObservableComparison observable(String name) {
        return observables.stream().filter(o -> o.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no observable '" + name + "' in the evaluation; "
                        + "observables are " + observables.stream().map(ObservableComparison::name).toList()));
    }
}
