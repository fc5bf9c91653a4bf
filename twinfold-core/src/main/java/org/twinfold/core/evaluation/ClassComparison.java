package org.twinfold.core.evaluation;

import java.util.List;

/**
 * One class of a class-conditional surrogate against its held-out simulations.
 *
 * @param label class label
 * @param name the class's parameter values, such as {@code J_EC_medium=10, vegf_decay=0.6}
 * @param referenceCount held-out simulated samples of the class
 * @param floorCount samples of the class in the second simulated set
 * @param generatedCount generated samples of the class
 * @param classifier the classifier's accuracy on this class, or null when no classifier was run
 * @param observables per-observable distances, generated and floor
 */
public record ClassComparison(int label, String name, int referenceCount, int floorCount, int generatedCount,
                              ClassifierAccuracy classifier, List<ClassObservable> observables) {

    public ClassComparison {
        observables = List.copyOf(observables);
    }

    /** Returns the comparison of the named observable, or throws naming those present. */
    public ClassObservable observable(String observableName) {
        return observables.stream().filter(o -> o.name().equals(observableName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("class " + label + " has no observable '"
                        + observableName + "'; observables are " + observables.stream().map(ClassObservable::name)
                        .toList()));
    }
}
