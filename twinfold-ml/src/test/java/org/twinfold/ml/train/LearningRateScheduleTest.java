package org.twinfold.ml.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LearningRateScheduleTest {

    @Test
    void constantKeepsRate() {
        LearningRateSchedule schedule = LearningRateSchedule.constant(3e-4);
        assertEquals(3e-4, schedule.at(1));
        assertEquals(3e-4, schedule.at(1_000_000));
    }

    @Test
    void warmupRisesLinearly() {
        LearningRateSchedule schedule = LearningRateSchedule.warmupCosine(1e-3, 10, 110, 1e-5);
        assertEquals(1e-4, schedule.at(1), 1e-15);
        assertEquals(5e-4, schedule.at(5), 1e-15);
        assertEquals(1e-3, schedule.at(10), 1e-15);
    }

    @Test
    void cosineDecaysToFloor() {
        LearningRateSchedule schedule = LearningRateSchedule.warmupCosine(1e-3, 10, 110, 1e-5);
        // Halfway through decay cos(pi/2) = 0: the mean of peak and floor.
        assertEquals((1e-3 + 1e-5) / 2, schedule.at(60), 1e-15);
        // A quarter of the way: floor + (peak - floor) * (1 + cos(pi/4)) / 2.
        assertEquals(1e-5 + (1e-3 - 1e-5) * (1 + Math.sqrt(0.5)) / 2, schedule.at(35), 1e-15);
        assertEquals(1e-5, schedule.at(110), 1e-15);
        assertEquals(1e-5, schedule.at(500), 1e-15);
    }

    @Test
    void noWarmupStartsAtPeak() {
        LearningRateSchedule schedule = LearningRateSchedule.warmupCosine(2e-3, 0, 100, 0);
        assertEquals(2e-3 * (1 + Math.cos(Math.PI / 100)) / 2, schedule.at(1), 1e-15);
    }

    @Test
    void invalidSettingsRejected() {
        assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.constant(0));
        assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.warmupCosine(1e-3, 100, 100, 0));
        assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.warmupCosine(1e-3, 0, 100, 2e-3));
        assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.constant(1e-3).at(0));
    }
}
