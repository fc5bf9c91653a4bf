package org.twinfold.cli.classes;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.twinfold.core.ElementType;
import org.twinfold.core.Field;
import org.twinfold.core.Observable;
import org.twinfold.core.Schema;
import org.twinfold.core.Task;
import org.twinfold.core.dataset.Dataset;
import org.twinfold.core.evaluation.ClassComparison;
import org.twinfold.core.evaluation.ClassEvaluator;
import org.twinfold.core.evaluation.ClassObservable;
import org.twinfold.core.evaluation.SplitDistances;
import org.twinfold.core.evaluation.ClassPredictions;
import org.twinfold.core.evaluation.ClassSection;
import org.twinfold.core.evaluation.ClassVerdict;
import org.twinfold.core.evaluation.Evaluation;
import org.twinfold.ml.classifier.ClassifierOptions;
import org.twinfold.ml.classifier.LabelledMasks;
import org.twinfold.ml.classifier.MaskClassifier;
import org.twinfold.ml.train.TrainingListener;

/**
 * Adds the class-by-class section to the evaluation of a class-conditional mask surrogate: trains a
 * {@link MaskClassifier} on the simulated training masks, classifies the held-out and the generated
 * masks, and compares each class's observables with a second simulated test set as the noise floor.
 *
 * <p>Targets: the classifier's accuracy on generated masks at least 0.8 times its accuracy on
 * held-out simulations, and the Wasserstein-1 distance of the lacuna count and the vessel area
 * fraction (where the task has them) at most twice the noise floor.
 */
public final class ClassEvaluationStep {
    /** Observables with a distance target, when the task defines them. */
    public static final List<String> TARGET_OBSERVABLES = List.of("lacuna_count", "vessel_area_fraction");
    /** Allowed W1(generated, held out) / W1(second simulated set, held out). */
    public static final double MAX_FLOOR_RATIO = 2.0;
    /** Required accuracy on generated masks over accuracy on held-out simulations. */
    public static final double MIN_ACCURACY_RATIO = 0.8;

    private static final Logger LOG = LoggerFactory.getLogger(ClassEvaluationStep.class);
    private static final int MIN_CLASSIFIER_STEPS = 50;
    private static final int MAX_CLASSIFIER_STEPS = 600;
    private static final int CLASSIFIER_EPOCHS = 20;

    private ClassEvaluationStep() {
    }

    /** Returns true for a dataset sampled by class whose schema is one 2-D uint8 mask. */
    public static boolean applies(Dataset training) {
        boolean labelled = training.points().stream().allMatch(p -> p.classLabel().isPresent());
        return labelled && training.size() > 0 && mask(training.schema()) != null;
    }

    /**
     * Trains the classifier, evaluates every class and returns the evaluation with its class section.
     *
     * @param floor a second simulated test set: same classes and counts as {@code test}, other seeds
     * @param listener progress of the classifier's training
     */
    public static Evaluation extend(Task task, Evaluation evaluation, Path training, Path test, Path floor,
                                    Path generated, long seed, TrainingListener listener) {
        Dataset trainingData = Dataset.open(training);
        Dataset testData = Dataset.open(test);
        Dataset generatedData = Dataset.open(generated);
        Field field = mask(trainingData.schema());

        LabelledMasks masks = labelledMasks(trainingData, field);
        int steps = Math.max(MIN_CLASSIFIER_STEPS, Math.min(MAX_CLASSIFIER_STEPS,
                CLASSIFIER_EPOCHS * masks.size() / ClassifierOptions.defaults(seed).batchSize()));
        ClassifierOptions options = ClassifierOptions.defaults(seed).withSteps(steps);
        ClassPredictions predictions;
        try (MaskClassifier classifier = MaskClassifier.train(masks, options, listener)) {
            predictions = new ClassPredictions(classifier.predict(testData.readAll().bytes(field.name())),
                    classifier.predict(generatedData.readAll().bytes(field.name())));
        }

        List<String> targets = TARGET_OBSERVABLES.stream()
                .filter(name -> task.observables().stream().map(Observable::name).anyMatch(name::equals)).toList();
        String description = String.format(Locale.ROOT, "CNN (3 x 3 convolutions of %d, %d, %d filters, max pooling, "
                + "global average pooling, linear), %d Adam steps at batch %d on the %d training masks of %s, with "
                + "random periodic shifts and symmetries, seed %d", options.channels(), 2 * options.channels(),
                4 * options.channels(), options.steps(), options.batchSize(), masks.size(), training, seed);
        ClassSection section = ClassEvaluator.evaluate(task, testData, Dataset.open(floor), generatedData, predictions,
                new ClassEvaluator.Settings(targets, MAX_FLOOR_RATIO, MIN_ACCURACY_RATIO, description));
        LOG.info("class-by-class evaluation of {} classes: targets {}", section.classes().size(),
                section.allTargetsMet() ? "met" : "not all met");
        return evaluation.withClasses(section);
    }

    /**
     * Prints the targets, then one line per class: classifier accuracies and target distances as
     * multiples of the floor, and which targets the class misses.
     */
    public static void printSummary(ClassSection section) {
        System.out.println(String.format(Locale.ROOT, "  targets per class: classifier accuracy on generated masks at"
                + " least %.2f x its accuracy on held-out ones; W1 of %s at most %.1f x the floor (the W1 between"
                + " two simulated sets). Both W1 are means over %d random splits of the held-out and floor sets"
                + " pooled; in brackets, the W1 of the held-out set alone against the generated set and against the"
                + " floor set", section.minAccuracyRatio(),
                String.join(" and ", section.targetObservables()), section.maxFloorRatio(), SplitDistances.COUNT));
        List<ClassVerdict> verdicts = section.verdicts();
        for (int i = 0; i < verdicts.size(); i++) {
            ClassComparison c = section.classes().get(i);
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  class %d (%s):", c.label(), c.name()));
            if (c.classifier() != null) {
                line.append(String.format(Locale.ROOT, " classifier %.2f on generated vs %.2f held out (ratio %.2f);",
                        c.classifier().generatedAccuracy(), c.classifier().referenceAccuracy(),
                        c.classifier().accuracyRatio()));
            }
            for (String name : section.targetObservables()) {
                ClassObservable o = c.observables().stream().filter(x -> x.name().equals(name)).findFirst().orElse(null);
                if (o != null) {
                    double generated = o.judgedWasserstein();
                    double floor = o.judgedFloor();
                    if (floor > 0) {
                        line.append(String.format(Locale.ROOT, " %s W1 %.3g = %.2f x floor %.3g (held-out set alone %.3g, floor %.3g);",
                                name, generated, o.floorRatio(), floor, o.wasserstein(), o.floorWasserstein()));
                    } else {
                        // Two simulated sets with identical values leave no ratio to print.
                        line.append(String.format(Locale.ROOT, " %s W1 %.3g against a floor of 0;", name,
                                generated));
                    }
                }
            }
            List<String> missed = verdicts.get(i).missed();
            line.append(missed.isEmpty() ? " targets met" : " targets NOT met (" + String.join(", ", missed) + ")");
            System.out.println(line);
        }
        if (!section.smallSampleCaution().isEmpty()) {
            System.out.println("  " + section.smallSampleCaution());
        }
    }

    static LabelledMasks labelledMasks(Dataset data, Field field) {
        int[] labels = ClassEvaluator.labels(data);
        int classCount = java.util.Arrays.stream(labels).max().orElse(0) + 1;
        return new LabelledMasks(data.readAll().bytes(field.name()), labels, field.shape().get(0),
                field.shape().get(1), classCount);
    }

    /** Returns the schema's only field when it is a 2-D uint8 mask, else null. */
    public static Field mask(Schema schema) {
        if (schema.fields().size() != 1) {
            return null;
        }
        Field only = schema.fields().get(0);
        return only.type() == ElementType.UINT8 && only.shape().size() == 2 ? only : null;
    }
}
