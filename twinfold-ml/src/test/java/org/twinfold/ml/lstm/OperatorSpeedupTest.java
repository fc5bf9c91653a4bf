package org.twinfold.ml.lstm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OperatorSpeedupTest {
    // 16 Lennard-Jones particles, Delta_R = 4000 Delta, run to t = 1e6 (S_T = 1e9), kick-start 16,000 steps.
    private static final OperatorSpeedup PUBLISHED = new OperatorSpeedup(0.04392, 0.0026, 1_000_000_000L, 16_000,
            4000);

    @Test
    void publishedCheckReproduced() {
        // 0.04392 * 1e9 / (16,000 * 0.04392 + 999,984,000 * 0.0026 / 4000) = 4.392e7 / 1352.71 = 32,468.
        assertEquals(32_468, PUBLISHED.speedup(), 0.5);
    }

    @Test
    void asymptoticLimitByHand() {
        // (0.04392 / 0.0026) * 4000 = 67,569.2.
        assertEquals(67_569.2, PUBLISHED.asymptoticSpeedup(), 0.1);
    }

    @Test
    void kickStartFillsWindow() {
        assertEquals(16_000, OperatorSpeedup.kickStartSteps(5, 4000));
        assertEquals(400, OperatorSpeedup.kickStartSteps(5, 100));
    }

    @Test
    void effectiveByHand() {
        // One run: Verlet 10 s, operator 1 s (S_T = 1000, no kick-start, t_V = 0.01, t_R = 0.1, ratio 100).
        // Training: 10 trajectories of 10 s each, 50 s of training, so 5 s each; 90 runs.
        // S = 10 * 100 / (1 * 90 + (10 + 5) * 10) = 1000 / 240.
        OperatorSpeedup speedup = new OperatorSpeedup(0.01, 0.1, 1000, 0, 100);

        assertEquals(1.0, speedup.operatorRunSeconds(), 1e-12);
        assertEquals(1000.0 / 240, speedup.effective(10, 50, 90, 10), 1e-12);
    }

    @Test
    void kickStartLongerThanRunRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new OperatorSpeedup(0.01, 0.1, 100, 400, 100));
        assertTrue(e.getMessage().startsWith("kickStartVerletSteps is 400"), e.getMessage());
    }

    @Test
    void zeroStepTimeRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new OperatorSpeedup(0.01, 0, 100, 4, 100));
        assertTrue(e.getMessage().startsWith("operatorStepSeconds is 0.0"), e.getMessage());
    }

    @Test
    void stepRatioBelowOneRejected() {
        assertThrows(IllegalArgumentException.class, () -> new OperatorSpeedup(0.01, 0.1, 100, 4, 0.5));
    }
}
