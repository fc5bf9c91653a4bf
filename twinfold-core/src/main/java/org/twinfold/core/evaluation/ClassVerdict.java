package org.twinfold.core.evaluation;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * One class against the targets of its {@link ClassSection}, as the report and the run's summary state
 * it. Evaluation files carry these for scripts; reading a file recomputes them from the distances.
 *
 * @param label class label
 * @param name the class's parameter values
 * @param classifierRatio the classifier's accuracy on generated samples over its accuracy on held-out
 *     ones, or null when no classifier ran
 * @param floorRatios per target observable, its judged W1 over the judged noise floor (infinite when
 *     only the floor is 0)
 * @param missed the targets the class misses: {@code classifier} and observable names
 */
public record ClassVerdict(int label, String name, Double classifierRatio, Map<String, Double> floorRatios,
                           List<String> missed) {

    public ClassVerdict {
        floorRatios = Map.copyOf(floorRatios);
        missed = List.copyOf(missed);
    }

    /** Returns true when the class misses no target. */
    @JsonProperty("targetsMet")
    public boolean targetsMet() {
        return missed.isEmpty();
    }
}
