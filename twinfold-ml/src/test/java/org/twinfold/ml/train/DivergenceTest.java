package org.twinfold.ml.train;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import org.junit.jupiter.api.Test;

class DivergenceTest {

    @Test
    void monitorRejectsNaNLoss() {
        DivergenceMonitor monitor = new DivergenceMonitor(1e4);
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> monitor.check(7, Double.NaN, 1.0, 1e-3));
        assertEquals(7, e.step());
        assertEquals("loss", e.quantity());
        assertTrue(e.getMessage().contains("step 7"), e.getMessage());
        assertTrue(e.getMessage().contains("learning rate 0.001"), e.getMessage());
        assertTrue(e.getMessage().contains("Lower the learning rate"), e.getMessage());
        assertTrue(e.getMessage().contains("check the training data for NaN"), e.getMessage());
    }

    @Test
    void monitorRejectsInfiniteGradientNorm() {
        DivergenceMonitor monitor = new DivergenceMonitor(1e4);
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> monitor.check(3, 0.5, Double.POSITIVE_INFINITY, 1e-3));
        assertEquals("gradient norm", e.quantity());
    }

    @Test
    void monitorRejectsLossFarAboveMinimum() {
        DivergenceMonitor monitor = new DivergenceMonitor(100);
        monitor.check(1, 1.0, 1.0, 1e-3);
        monitor.check(2, 0.01, 1.0, 1e-3);
        assertDoesNotThrow(() -> monitor.check(3, 0.99, 1.0, 1e-3));
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> monitor.check(4, 1.01, 1.0, 1e-3));
        assertEquals(4, e.step());
        assertEquals(0.01, monitor.runningMinimum(), 0);
    }

    @Test
    void hugeLearningRateStopsLoop() {
        TinyProblem problem = new TinyProblem();
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = TinyProblem.newBlock(manager, 1);
            TrainingConfig config = TrainingConfig.builder().setTotalSteps(200).setSeed(1)
                    .setSchedule(LearningRateSchedule.constant(1e4)).build();
            try (TrainingLoop loop = TrainingLoop.builder().setBlock(block).setConfig(config)
                    .setLoss(TinyProblem.meanSquaredError()).setBatches(problem.batches()).build()) {
                TrainingDivergedException e = assertThrows(TrainingDivergedException.class, loop::run);
                assertTrue(e.step() > 1, "diverged at step " + e.step());
                assertTrue(e.step() < 200, "diverged at step " + e.step());
                assertEquals(1e4, e.learningRate());
                assertTrue(e.getMessage().contains("Lower the learning rate"), e.getMessage());
            }
        }
    }

    @Test
    void nanDataStopsLoopAtFirstStep() {
        TinyProblem problem = new TinyProblem();
        java.util.Arrays.fill(problem.targets, Float.NaN);
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = TinyProblem.newBlock(manager, 1);
            TrainingConfig config = TrainingConfig.builder().setTotalSteps(10).setSeed(1)
                    .setSchedule(LearningRateSchedule.constant(1e-3)).build();
            try (TrainingLoop loop = TrainingLoop.builder().setBlock(block).setConfig(config)
                    .setLoss(TinyProblem.meanSquaredError()).setBatches(problem.batches()).build()) {
                TrainingDivergedException e = assertThrows(TrainingDivergedException.class, loop::run);
                assertEquals(1, e.step());
                assertTrue(Double.isNaN(e.value()));
                assertTrue(e.getMessage().contains("loss = NaN"), e.getMessage());
            }
        }
    }
}
