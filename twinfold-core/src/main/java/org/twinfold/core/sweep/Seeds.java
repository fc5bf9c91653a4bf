package org.twinfold.core.sweep;

import java.util.SplittableRandom;

/** Per-sample seeds derived from one run seed, so that the run seed alone replays a sweep. */
public final class Seeds {

    private Seeds() {
    }

    /** Returns {@code count} seeds: the first {@code count} longs of a SplittableRandom seeded with the run seed. */
    public static long[] derive(long runSeed, int count) {
        SplittableRandom random = new SplittableRandom(runSeed);
        long[] seeds = new long[count];
        for (int i = 0; i < count; i++) {
            seeds[i] = random.nextLong();
        }
        return seeds;
    }
}
