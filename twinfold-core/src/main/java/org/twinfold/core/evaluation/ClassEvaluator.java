package org.twinfold.core.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.twinfold.core.Observable;
import org.twinfold.core.Parameter;
import org.twinfold.core.ParameterPoint;
import org.twinfold.core.Task;
import org.twinfold.core.dataset.Dataset;
import org.twinfold.core.metrics.KolmogorovSmirnov;
import org.twinfold.core.metrics.KolmogorovSmirnovResult;
import org.twinfold.core.metrics.WassersteinDistance;

/**
 * Compares a class-conditional surrogate with held-out simulations class by class. For each class
 * and observable it computes the Wasserstein-1 distance and the two-sample Kolmogorov-Smirnov test
 * of generated against held-out samples. Next to them stand the same numbers for a second,
 * independent simulated set against the held-out one: the noise floor, the distance that two finite
 * samples of one distribution show. Both distances are also averaged over random splits of the two
 * simulated sets ({@link SplitDistances}), and the targets are judged on those means. A classifier's
 * accuracy on held-out and on generated samples is optional.
 */
public final class ClassEvaluator {
    private static final Logger LOG = LoggerFactory.getLogger(ClassEvaluator.class);

    private ClassEvaluator() {
    }

    /** Targets and classifier of a class-by-class evaluation. */
    public record Settings(List<String> targetObservables, double maxFloorRatio, double minAccuracyRatio,
                           String classifier) {

        public Settings {
            targetObservables = List.copyOf(targetObservables);
        }
    }

    /**
     * Evaluates every class of the held-out dataset.
     *
     * @param reference held-out simulated samples, every point with a class label
     * @param floor a second simulated set of the same classes with other seeds
     * @param generated the surrogate's samples, every point with a class label
     * @param predictions a classifier's classes for {@code reference} and {@code generated}, or null
     * @throws IllegalArgumentException when a dataset has unlabelled points or the predictions do not
     *     match the dataset sizes
     */
    public static ClassSection evaluate(Task task, Dataset reference, Dataset floor, Dataset generated,
                                        ClassPredictions predictions, Settings settings) {
        int[] referenceLabels = labels(reference);
        int[] floorLabels = labels(floor);
        int[] generatedLabels = labels(generated);
        if (predictions != null && (predictions.reference().length != referenceLabels.length
                || predictions.generated().length != generatedLabels.length)) {
            throw new IllegalArgumentException("classifier predictions for " + predictions.reference().length + " and "
                    + predictions.generated().length + " samples, but the datasets have " + referenceLabels.length
                    + " and " + generatedLabels.length + "; predict every sample of both");
        }
        LOG.info("Evaluating {} classes: {} held-out, {} floor and {} generated samples",
                new TreeSet<>(Arrays.stream(referenceLabels).boxed().toList()).size(), referenceLabels.length,
                floorLabels.length, generatedLabels.length);

        Map<Observable, double[][]> values = new LinkedHashMap<>();
        var referenceSamples = reference.readAll();
        var floorSamples = floor.readAll();
        var generatedSamples = generated.readAll();
        for (Observable observable : task.observables()) {
            values.put(observable, new double[][] {observable.evaluate(referenceSamples),
                    observable.evaluate(floorSamples), observable.evaluate(generatedSamples)});
        }

        List<ClassComparison> classes = new ArrayList<>();
        for (int label : new TreeSet<>(Arrays.stream(referenceLabels).boxed().toList())) {
            List<ClassObservable> observables = new ArrayList<>();
            for (Map.Entry<Observable, double[][]> entry : values.entrySet()) {
                double[] held = finiteOfClass(entry.getValue()[0], referenceLabels, label);
                double[] second = finiteOfClass(entry.getValue()[1], floorLabels, label);
                double[] made = finiteOfClass(entry.getValue()[2], generatedLabels, label);
                // The Kolmogorov-Smirnov test needs two values per sample, so fewer leave the observable out.
                if (held.length >= 2 && second.length >= 2 && made.length >= 2) {
                    observables.add(compare(entry.getKey(), held, second, made));
                }
            }
            ClassifierAccuracy accuracy = predictions == null ? null
                    : accuracy(label, referenceLabels, predictions.reference(), generatedLabels, predictions.generated());
            classes.add(new ClassComparison(label, className(reference, label), count(referenceLabels, label),
                    count(floorLabels, label), count(generatedLabels, label), accuracy, observables));
        }
        return new ClassSection(DatasetReference.of(floor), predictions == null ? "" : settings.classifier(),
                settings.targetObservables(), settings.maxFloorRatio(), settings.minAccuracyRatio(), classes);
    }

    static ClassObservable compare(Observable observable, double[] reference, double[] floor, double[] generated) {
        KolmogorovSmirnovResult ks = KolmogorovSmirnov.twoSample(reference, generated);
        KolmogorovSmirnovResult floorKs = KolmogorovSmirnov.twoSample(reference, floor);
        return new ClassObservable(observable.name(), observable.unit(), WassersteinDistance.of(reference, generated),
                ks.statistic(), ks.pValue(), WassersteinDistance.of(reference, floor), floorKs.statistic(),
                floorKs.pValue(), SplitDistances.of(reference, floor, generated), reference, floor, generated);
    }

    static ClassifierAccuracy accuracy(int label, int[] referenceLabels, int[] referencePredicted,
                                       int[] generatedLabels, int[] generatedPredicted) {
        return new ClassifierAccuracy(correct(label, referenceLabels, referencePredicted), count(referenceLabels, label),
                correct(label, generatedLabels, generatedPredicted), count(generatedLabels, label));
    }

    private static int correct(int label, int[] labels, int[] predicted) {
        int correct = 0;
        for (int i = 0; i < labels.length; i++) {
            correct += labels[i] == label && predicted[i] == label ? 1 : 0;
        }
        return correct;
    }

    private static int count(int[] labels, int label) {
        return (int) Arrays.stream(labels).filter(l -> l == label).count();
    }

    private static double[] finiteOfClass(double[] values, int[] labels, int label) {
        List<Double> selected = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            if (labels[i] == label && Double.isFinite(values[i])) {
                selected.add(values[i]);
            }
        }
        return selected.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Returns the class label of every point of a dataset. */
    public static int[] labels(Dataset dataset) {
        List<ParameterPoint> points = dataset.points();
        int[] labels = new int[points.size()];
        for (int i = 0; i < labels.length; i++) {
            ParameterPoint point = points.get(i);
            if (point.classLabel().isEmpty()) {
                throw new IllegalArgumentException("sample " + i + " of " + dataset.folder() + " at " + point
                        + " has no class label; a class-by-class evaluation needs datasets sampled by class");
            }
            labels[i] = point.classLabel().getAsInt();
        }
        return labels;
    }

    private static String className(Dataset dataset, int label) {
        List<Parameter> parameters = dataset.manifest().parameters();
        for (ParameterPoint point : dataset.points()) {
            if (point.classLabel().orElse(-1) == label) {
                List<String> parts = new ArrayList<>();
                for (int i = 0; i < parameters.size(); i++) {
                    parts.add(parameters.get(i).name() + "=" + point.value(i));
                }
                return String.join(", ", parts);
            }
        }
        return "class " + label;
    }
}
