package org.twinfold.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SpeedupTest {

    @Test
    void effectiveSpeedupByHand() {
        // 10 s * (1e6 + 1e3) / (0.01 s * 1e6 + (10 s + 2 s) * 1e3) = 1.001e7 / 2.2e4 = 455.
        SpeedupInputs inputs = new SpeedupInputs(10, 0.01, 10, 2, 1_000_000, 1_000);

        assertEquals(455.0, Speedup.effective(inputs), 1e-10);
    }

    @Test
    void plainSpeedupByHand() {
        assertEquals(1000.0, Speedup.plain(10, 0.01), 1e-10);
    }

    @Test
    void effectiveApproachesPlainForManyLookups() {
        SpeedupInputs inputs = new SpeedupInputs(10, 0.01, 10, 2, 1_000_000_000_000L, 1_000);

        assertEquals(Speedup.plain(10, 0.01), Speedup.effective(inputs), 1e-2);
    }

    @Test
    void trainingOnlyIsSlowerThanSimulator() {
        // Without lookups the surrogate only adds training time: S = T_seq / (T_train + T_learn) = 10 / 12.
        SpeedupInputs inputs = new SpeedupInputs(10, 0.01, 10, 2, 0, 500);

        assertEquals(10.0 / 12, Speedup.effective(inputs), 1e-15);
    }

    @Test
    void rejectionNamesTheArgument() {
        IllegalArgumentException zeroTime = assertThrows(IllegalArgumentException.class,
                () -> new SpeedupInputs(10, 0, 10, 2, 1, 1));
        assertTrue(zeroTime.getMessage().startsWith("surrogateSecondsPerSample"), zeroTime.getMessage());

        IllegalArgumentException nanTime = assertThrows(IllegalArgumentException.class,
                () -> new SpeedupInputs(10, 1, 10, Double.NaN, 1, 1));
        assertTrue(nanTime.getMessage().startsWith("learningSecondsPerTrainingSample"), nanTime.getMessage());

        IllegalArgumentException infiniteTime = assertThrows(IllegalArgumentException.class,
                () -> Speedup.plain(Double.POSITIVE_INFINITY, 1));
        assertTrue(infiniteTime.getMessage().startsWith("simulatorSecondsPerSample"), infiniteTime.getMessage());

        IllegalArgumentException negativeCount = assertThrows(IllegalArgumentException.class,
                () -> new SpeedupInputs(10, 1, 10, 2, -1, 1));
        assertTrue(negativeCount.getMessage().startsWith("lookupCount"), negativeCount.getMessage());

        assertThrows(IllegalArgumentException.class, () -> new SpeedupInputs(10, 1, 10, 2, 0, 0));
    }
}
