package org.twinfold.core.evaluation;

import java.util.List;

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

    /** Returns true when every class meets every target. */
    public boolean allTargetsMet() {
        return classes.stream().allMatch(c -> c.targetsMet(targetObservables, maxFloorRatio, minAccuracyRatio));
    }
}
