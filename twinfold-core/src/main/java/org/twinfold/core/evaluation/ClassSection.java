package org.twinfold.core.evaluation;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The class-by-class part of an evaluation of a class-conditional surrogate: each class's generated
 * samples against its held-out simulations, next to the same distances between two independent
 * simulated sets of that class (the noise floor), and a classifier's accuracy on both.
 *
 * @param floor the second held-out simulated dataset, same classes and counts, other seeds
 * @param classifier what the classifier is and what it was trained on, or an empty string when no
 *     classifier was run
 * @param targetObservables observables whose Wasserstein-1 distance must stay within
 *     {@code maxFloorRatio} times the noise floor
 * @param maxFloorRatio the allowed ratio of the generated distance to the noise floor
 * @param minAccuracyRatio the allowed ratio of the classifier's accuracy on generated samples to its
 *     accuracy on held-out simulations, at least
 * @param classes one comparison per class, by label
 */
public record ClassSection(DatasetReference floor, String classifier, List<String> targetObservables,
                           double maxFloorRatio, double minAccuracyRatio, List<ClassComparison> classes) {

    public ClassSection {
        targetObservables = List.copyOf(targetObservables);
        classes = List.copyOf(classes);
    }

    /**
     * Returns each class's ratios and missed targets, in the order of {@link #classes()}. A class meets
     * the targets when the classifier ratio is at least {@code minAccuracyRatio} (or no classifier ran)
     * and each target observable that was measured is within {@code maxFloorRatio} times its floor.
     */
    @JsonProperty(value = "verdicts", access = JsonProperty.Access.READ_ONLY)
    public List<ClassVerdict> verdicts() {
        return classes.stream().map(this::verdict).toList();
    }

    private ClassVerdict verdict(ClassComparison c) {
        List<String> missed = new ArrayList<>();
        Double classifierRatio = null;
        if (c.classifier() != null) {
            classifierRatio = c.classifier().accuracyRatio();
            if (!(classifierRatio >= minAccuracyRatio)) {
                missed.add("classifier");
            }
        }
        Map<String, Double> ratios = new LinkedHashMap<>();
        for (ClassObservable o : c.observables()) {
            if (targetObservables.contains(o.name())) {
                ratios.put(o.name(), o.floorRatio());
                if (!(o.floorRatio() <= maxFloorRatio)) {
                    missed.add(o.name());
                }
            }
        }
        return new ClassVerdict(c.label(), c.name(), classifierRatio, ratios, missed);
    }

    /** Returns true when every class meets every target. */
    public boolean allTargetsMet() {
        return verdicts().stream().allMatch(ClassVerdict::targetsMet);
    }

    /**
     * Below this many samples of a class in any of the three sets, W1 and its floor are too noisy for the
     * verdicts to mean anything. The value is an estimate: with 50 masks per class, the floor still moves
     * by a factor of about 2 between independent sets.
     */
    public static final int MIN_SAMPLES_PER_CLASS = 20;

    /** Returns the smallest sample count of any class in the held-out, floor or generated set. */
    public int minSamplesPerClass() {
        return classes.stream().mapToInt(c -> Math.min(c.referenceCount(), Math.min(c.floorCount(),
                c.generatedCount()))).min().orElse(0);
    }

    /** Returns a caution when some class has too few samples for its verdicts to mean anything, else empty. */
    public String smallSampleCaution() {
        int fewest = minSamplesPerClass();
        if (fewest >= MIN_SAMPLES_PER_CLASS) {
            return "";
        }
        return "NOTE: the smallest class has " + fewest + " samples in a set; below " + MIN_SAMPLES_PER_CLASS
                + " the distances and their floor are too noisy for these verdicts to mean anything, so such a run"
                + " only checks that the pipeline works.";
    }
}
