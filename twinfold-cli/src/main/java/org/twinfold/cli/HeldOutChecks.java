package org.twinfold.cli;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.twinfold.core.ParameterPoint;
import org.twinfold.core.dataset.Dataset;

/**
 * Checks that the datasets an evaluation compares are independent: a held-out set that repeats
 * training samples, or a noise-floor set that repeats the held-out set, makes every distance look
 * better than it is without any warning in the numbers.
 */
final class HeldOutChecks {

    private HeldOutChecks() {
    }

    /**
     * Throws when {@code held} contains a sample of {@code other}: the same parameter point and seed,
     * or for a deterministic task the same point, which gives the same sample whatever the seed.
     *
     * @param heldOption the option that named {@code held}, such as {@code --reference}
     * @param otherRole what {@code other} is, such as "the training set"
     */
    static void requireDisjoint(Dataset held, String heldOption, Dataset other, String otherRole,
                                boolean deterministic) {
        Set<Object> keys = new HashSet<>();
        List<ParameterPoint> otherPoints = other.points();
        long[] otherSeeds = other.manifest().seeds();
        for (int i = 0; i < otherPoints.size(); i++) {
            keys.add(key(otherPoints.get(i), otherSeeds[i], deterministic));
        }
        List<ParameterPoint> heldPoints = held.points();
        long[] heldSeeds = held.manifest().seeds();
        int shared = 0;
        for (int i = 0; i < heldPoints.size(); i++) {
            if (keys.contains(key(heldPoints.get(i), heldSeeds[i], deterministic))) {
                shared++;
            }
        }
        if (shared > 0) {
            throw new InvalidInputException(heldOption + " " + held.folder() + " repeats " + shared + " of its "
                    + heldPoints.size() + " samples (" + (deterministic ? "same parameter point" : "same parameter point "
                    + "and seed") + ") from " + otherRole + " " + other.folder() + ", so the comparison would not be "
                    + "independent; simulate it again with another --seed");
        }
    }

    /**
     * Throws unless {@code floor} has as many samples of each class as {@code reference}, so that the
     * noise floor measures the same sample-size noise as the surrogate's comparison.
     */
    static void requireSameClassCounts(Dataset reference, Dataset floor) {
        Map<Integer, Integer> referenceCounts = classCounts(reference);
        Map<Integer, Integer> floorCounts = classCounts(floor);
        if (!referenceCounts.equals(floorCounts)) {
            throw new InvalidInputException("--floor " + floor.folder() + " has samples per class " + floorCounts
                    + " but --reference " + reference.folder() + " has " + referenceCounts + "; simulate the floor set "
                    + "with the reference's command (same preset, --sampling and --samples) and another --seed");
        }
    }

    private static Map<Integer, Integer> classCounts(Dataset data) {
        Map<Integer, Integer> counts = new TreeMap<>();
        for (ParameterPoint point : data.points()) {
            counts.merge(point.classLabel().orElse(-1), 1, Integer::sum);
        }
        return counts;
    }

    private static Object key(ParameterPoint point, long seed, boolean deterministic) {
        return deterministic ? point : List.of(point, seed);
    }
}
