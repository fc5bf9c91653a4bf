package org.twinfold.core.evaluation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.twinfold.core.ElementType;
import org.twinfold.core.Field;
import org.twinfold.core.Observable;
import org.twinfold.core.SampleBatch;
import org.twinfold.core.Schema;
import org.twinfold.core.Task;
import org.twinfold.core.dataset.Dataset;
import org.twinfold.core.metrics.Binning;
import org.twinfold.core.metrics.ChiSquareResult;
import org.twinfold.core.metrics.CorrelatedChiSquare;
import org.twinfold.core.metrics.Histogram;
import org.twinfold.core.metrics.KolmogorovSmirnov;
import org.twinfold.core.metrics.KolmogorovSmirnovResult;
import org.twinfold.core.metrics.MetricResult;
import org.twinfold.core.metrics.SampleStatistics;
import org.twinfold.core.metrics.SeparationPower;
import org.twinfold.core.metrics.SpeedupInputs;
import org.twinfold.core.metrics.WassersteinDistance;

/**
 * Compares a generated dataset with a held-out simulated one: the task's observables by
 * distribution distances, their mean vector by a correlated chi-square, the fields sample by sample
 * for deterministic tasks, and the speedup from the recorded wall times.
 */
public final class Evaluator {
    private static final Logger LOG = LoggerFactory.getLogger(Evaluator.class);
    /** Bins of the histograms behind the separation power. */
    static final int HISTOGRAM_BINS = 30;

    private Evaluator() {
    }

    /**
     * Evaluates a surrogate.
     *
     * @param task the task whose observables are compared
     * @param reference held-out simulated samples
     * @param generated the surrogate's samples; same schema as {@code reference}
     * @param training the simulated training samples, for the speedup; may be null
     * @param trainingWallSeconds the surrogate's total training wall time, for the speedup; may be empty
     * @param checkpoint checkpoint folder recorded in the result, or an empty string
     */
    public static Evaluation evaluate(Task task, Dataset reference, Dataset generated, Dataset training,
                                      OptionalDouble trainingWallSeconds, String checkpoint) {
        requireSameSchema(reference, generated);
        LOG.info("Evaluating {} generated samples against {} reference samples", generated.size(), reference.size());
        SampleBatch referenceSamples = reference.readAll();
        SampleBatch generatedSamples = generated.readAll();

        List<ObservableComparison> observables = new ArrayList<>();
        List<ObservableComparison> everywhereFinite = new ArrayList<>();
        for (Observable observable : task.observables()) {
            double[] referenceValues = observable.evaluate(referenceSamples);
            double[] generatedValues = observable.evaluate(generatedSamples);
            double[] referenceFinite = finite(referenceValues);
            double[] generatedFinite = finite(generatedValues);
            // The Kolmogorov-Smirnov test needs two values per sample.
            if (referenceFinite.length < 2 || generatedFinite.length < 2) {
                LOG.warn("observable {} is defined (not NaN) for fewer than 2 reference or generated samples; it is "
                        + "left out of the evaluation", observable.name());
                continue;
            }
            ObservableComparison comparison = compare(observable, referenceFinite, generatedFinite);
            observables.add(comparison);
            if (referenceFinite.length == referenceValues.length && generatedFinite.length == generatedValues.length) {
                everywhereFinite.add(comparison);
            } else {
                LOG.info("observable {} is undefined for {} reference and {} generated samples; those are left out of"
                        + " its comparison and it is left out of the chi-square", observable.name(),
                        referenceValues.length - referenceFinite.length, generatedValues.length - generatedFinite.length);
            }
        }
        ChiSquareResult chiSquare = observableChiSquare(everywhereFinite);
        // Sample-by-sample errors mean something only when the same point always gives the same sample.
        List<MetricResult> fieldErrors = task.deterministic() && samePoints(reference, generated)
                ? fieldErrors(referenceSamples, generatedSamples) : List.of();
        SpeedupReport speedup = speedup(reference, generated, training, trainingWallSeconds);

        return new Evaluation(Evaluation.FORMAT_VERSION, task.name(), Instant.now().toString(),
                DatasetReference.of(reference), DatasetReference.of(generated),
                training == null ? null : DatasetReference.of(training), checkpoint, observables, chiSquare,
                fieldErrors, speedup);
    }

    static ObservableComparison compare(Observable observable, double[] reference, double[] generated) {
        KolmogorovSmirnovResult ks = KolmogorovSmirnov.twoSample(reference, generated);
        double[] edges = Binning.commonRange(reference, generated, HISTOGRAM_BINS);
        double separation = SeparationPower.of(Histogram.of(edges, reference), Histogram.of(edges, generated));
        return new ObservableComparison(observable.name(), observable.unit(), observable.description(),
                SampleStatistics.mean(reference), SampleStatistics.standardError(reference),
                SampleStatistics.mean(generated), SampleStatistics.standardError(generated),
                WassersteinDistance.of(reference, generated), ks.statistic(), ks.pValue(), separation,
                reference, generated);
    }

    // Rows are samples, columns observables: the chi-square compares the two mean vectors.
    private static ChiSquareResult observableChiSquare(List<ObservableComparison> observables) {
        if (observables.isEmpty()) {
            return null;
        }
        return CorrelatedChiSquare.ofSamples(columns(observables, true), columns(observables, false));
    }

    private static double[][] columns(List<ObservableComparison> observables, boolean reference) {
        int samples = (reference ? observables.get(0).referenceValues() : observables.get(0).generatedValues()).length;
        double[][] rows = new double[samples][observables.size()];
        for (int j = 0; j < observables.size(); j++) {
            ObservableComparison comparison = observables.get(j);
            double[] values = reference ? comparison.referenceValues() : comparison.generatedValues();
            for (int i = 0; i < samples; i++) {
                rows[i][j] = values[i];
            }
        }
        return rows;
    }

    /** Returns RMSE, maximum absolute error and relative L2 error of every floating-point field. */
    static List<MetricResult> fieldErrors(SampleBatch reference, SampleBatch generated) {
        List<MetricResult> results = new ArrayList<>();
        for (Field field : reference.schema().fields()) {
            if (field.type() != ElementType.FLOAT32 && field.type() != ElementType.FLOAT64) {
                continue;
            }
            int elements = reference.size() * field.elementsPerSample();
            double squared = 0;
            double referenceSquared = 0;
            double maximum = 0;
            for (int i = 0; i < elements; i++) {
                double expected = reference.value(field.name(), 0, i);
                double difference = generated.value(field.name(), 0, i) - expected;
                squared += difference * difference;
                referenceSquared += expected * expected;
                maximum = Math.max(maximum, Math.abs(difference));
            }
            results.add(MetricResult.withoutUncertainty("rmse/" + field.name(), Math.sqrt(squared / elements),
                    field.unit(), "sqrt(mean over samples and elements of (generated - reference)^2)"));
            results.add(MetricResult.withoutUncertainty("max_abs_error/" + field.name(), maximum, field.unit(),
                    "max over samples and elements of |generated - reference|"));
            results.add(MetricResult.withoutUncertainty("relative_l2/" + field.name(),
                    Math.sqrt(squared / referenceSquared), "1", "||generated - reference||_2 / ||reference||_2"));
        }
        return results;
    }

    private static SpeedupReport speedup(Dataset reference, Dataset generated, Dataset training,
                                         OptionalDouble trainingWallSeconds) {
        double simulator = mean(reference.manifest().wallSeconds());
        double surrogate = mean(generated.manifest().wallSeconds());
        if (training == null || trainingWallSeconds.isEmpty() || !(simulator > 0) || !(surrogate > 0)) {
            return null;
        }
        double trainingSimulation = mean(training.manifest().wallSeconds());
        if (!(trainingSimulation > 0)) {
            LOG.warn("training dataset {} records no simulation time (imported data records none), so the evaluation"
                    + " has no speedup", training.folder());
            return null;
        }
        SpeedupInputs inputs = new SpeedupInputs(simulator, surrogate, trainingSimulation,
                trainingWallSeconds.getAsDouble() / training.size(), generated.size(), training.size());
        return SpeedupReport.of(inputs);
    }

    private static boolean samePoints(Dataset reference, Dataset generated) {
        return Arrays.deepEquals(reference.manifest().points(), generated.manifest().points());
    }

    private static void requireSameSchema(Dataset reference, Dataset generated) {
        if (!reference.schema().equals(generated.schema())) {
            throw new IllegalArgumentException("generated dataset " + generated.folder() + " has "
                    + describe(generated.schema()) + " but reference " + reference.folder() + " has "
                    + describe(reference.schema()) + "; compare datasets of the same task and preset, such as a"
                    + " surrogate's samples against simulations of the preset it was trained on");
        }
    }

    /** Returns each field as name, shape, element type and unit, such as "cell_type 32 x 32 uint8 in 1". */
    private static String describe(Schema schema) {
        return schema.fields().stream()
                .map(field -> field.name() + " " + field.shape().stream().map(String::valueOf)
                        .collect(Collectors.joining(" x ")) + " " + field.type().numpyName() + " in " + field.unit())
                .collect(Collectors.joining(", "));
    }

    /** Returns the finite values, in order; an observable is NaN where it is undefined, such as a mean over none. */
    static double[] finite(double[] values) {
        return Arrays.stream(values).filter(Double::isFinite).toArray();
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).average().orElse(Double.NaN);
    }
}
