package org.twinfold.core.evaluation;

import java.util.ArrayList;
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
 * @param classes the class-by-class comparison of a class-conditional surrogate, or null when none
 *     was made (always null in format version 1)
 * @param metrics further metrics from a task's own evaluation step, such as a classifier's AUC or the
 *     Frechet distance of shower features. Empty when there are none, and always before version 3.
 */
public record Evaluation(int formatVersion, String task, String createdAt, DatasetReference reference,
                         DatasetReference generated, DatasetReference training, String checkpoint,
                         List<ObservableComparison> observables, ChiSquareResult observableChiSquare,
                         List<MetricResult> fieldErrors, SpeedupReport speedup, ClassSection classes,
                         List<MetricResult> metrics) {

    /**
     * The layout version that this code writes: version 2 added {@code classes}, version 3 {@code metrics},
     * version 4 the distances averaged over splits in each class's observables.
     */
    public static final int FORMAT_VERSION = 4;

    public Evaluation {
        observables = List.copyOf(observables);
        fieldErrors = List.copyOf(fieldErrors);
        metrics = metrics == null ? List.of() : List.copyOf(metrics);
    }

    /** Creates an evaluation without a class-by-class section. */
    public Evaluation(int formatVersion, String task, String createdAt, DatasetReference reference,
                      DatasetReference generated, DatasetReference training, String checkpoint,
                      List<ObservableComparison> observables, ChiSquareResult observableChiSquare,
                      List<MetricResult> fieldErrors, SpeedupReport speedup) {
        this(formatVersion, task, createdAt, reference, generated, training, checkpoint, observables,
                observableChiSquare, fieldErrors, speedup, null, List.of());
    }

    /** Returns a copy with a class-by-class section, written in the current format version. */
    public Evaluation withClasses(ClassSection section) {
        return new Evaluation(FORMAT_VERSION, task, createdAt, reference, generated, training, checkpoint, observables,
                observableChiSquare, fieldErrors, speedup, section, metrics);
    }

    /** Returns a copy with {@code added} appended to the further metrics, in the current format version. */
    public Evaluation withMetrics(List<MetricResult> added) {
        List<MetricResult> all = new ArrayList<>(metrics);
        all.addAll(added);
        return new Evaluation(FORMAT_VERSION, task, createdAt, reference, generated, training, checkpoint, observables,
                observableChiSquare, fieldErrors, speedup, classes, all);
    }

    /** Returns the comparison of the named observable, or throws naming those present. */
    public ObservableComparison observable(String name) {
        return observables.stream().filter(o -> o.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no observable '" + name + "' in the evaluation; "
                        + "observables are " + observables.stream().map(ObservableComparison::name).toList()));
    }
}
