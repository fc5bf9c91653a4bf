package org.twinfold.core.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinfold.core.Generator;
import org.twinfold.core.Observable;
import org.twinfold.core.ParameterPoint;
import org.twinfold.core.Preset;
import org.twinfold.core.Sampling;
import org.twinfold.core.Task;
import org.twinfold.core.dataset.Dataset;
import org.twinfold.core.metrics.MetricResult;
import org.twinfold.core.sweep.Sweep;
import org.twinfold.core.testkit.NoisySineGenerator;

class EvaluatorTest {
    @TempDir
    Path temp;

    /** A task around the noisy sine whose observables are the first two signal values. */
    private static final Task TASK = new SineTask(false);

    /** The same task declared deterministic, the case in which sample-by-sample errors are computed. */
    private static final Task DETERMINISTIC_TASK = new SineTask(true);

    private static final class SineTask implements Task {
        private final boolean deterministic;

        SineTask(boolean deterministic) {
            this.deterministic = deterministic;
        }

        @Override
        public String name() {
            return "noisy-sine";
        }

        @Override
        public String description() {
            return "test task";
        }

        @Override
        public Generator simulator() {
            return new NoisySineGenerator();
        }

        @Override
        public List<Observable> observables() {
            return List.of(new Observable("first", "1", "signal at t = 0", (b, i) -> b.value("signal", i, 0)),
                    new Observable("second", "1", "signal at t = 1", (b, i) -> b.value("signal", i, 1)));
        }

        @Override
        public boolean deterministic() {
            return deterministic;
        }

        @Override
        public List<Preset> presets() {
            return List.of(new Preset("quick", "test", Sampling.UNIFORM, 10, 10, 1, 1, 1e-3));
        }
    }

    private Dataset sweep(String name, List<ParameterPoint> points, long seed) throws Exception {
        Sweep.builder().generator(new NoisySineGenerator()).points(points).seed(seed).build().run(temp.resolve(name));
        return Dataset.open(temp.resolve(name));
    }

    @Test
    void sameDistributionGivesSmallDistances() throws Exception {
        List<ParameterPoint> points = Sampling.UNIFORM.sample(NoisySineGenerator.SPACE, 400, new SplittableRandom(1));
        Dataset reference = sweep("ref", points, 1);
        Dataset generated = sweep("gen", points, 2);

        Evaluation evaluation = Evaluator.evaluate(TASK, reference, generated, reference, OptionalDouble.of(1.0), "");

        ObservableComparison first = evaluation.observable("first");
        // sin(0) = 0 plus N(0, 0.1^2) noise: mean 0 with standard error 0.1 / sqrt(400) = 0.005.
        assertEquals(0.0, first.referenceMean(), 4 * 0.005);
        assertTrue(first.ksPValue() > 0.01, "p = " + first.ksPValue());
        assertTrue(first.wasserstein() < 0.03, "W1 = " + first.wasserstein());
        assertTrue(evaluation.observableChiSquare().pValue() > 0.01);
        assertEquals(2, evaluation.observableChiSquare().dof());
        assertTrue(evaluation.speedup().plain() > 0);
    }

    @Test
    void differentPointsAreDetected() throws Exception {
        Dataset reference = sweep("ref", Sampling.UNIFORM.sample(NoisySineGenerator.SPACE, 300,
                new SplittableRandom(1)), 1);
        Dataset generated = sweep("gen", List.of(ParameterPoint.of(2.0)).stream()
                .flatMap(p -> java.util.Collections.nCopies(300, p).stream()).toList(), 2);

        Evaluation evaluation = Evaluator.evaluate(TASK, reference, generated, null, OptionalDouble.empty(), "");

        assertTrue(evaluation.observable("second").ksPValue() < 1e-6);
        assertTrue(evaluation.observableChiSquare().pValue() < 1e-6);
        assertNull(evaluation.speedup(), "no training data given, so no speedup");
        assertEquals(List.of(), evaluation.fieldErrors(), "points differ, so no per-sample errors");
    }

    @Test
    void identicalDatasetsHaveZeroFieldErrors() throws Exception {
        List<ParameterPoint> points = Sampling.UNIFORM.sample(NoisySineGenerator.SPACE, 20, new SplittableRandom(1));
        Dataset reference = sweep("ref", points, 1);
        Dataset generated = sweep("gen", points, 1);

        Evaluation stochastic = Evaluator.evaluate(TASK, reference, generated, null, OptionalDouble.empty(), "");
        assertEquals(List.of(), stochastic.fieldErrors(), "a stochastic task gets no sample-by-sample errors");
        Evaluation evaluation = Evaluator.evaluate(DETERMINISTIC_TASK, reference, generated, null,
                OptionalDouble.empty(), "");

        assertEquals(List.of("rmse/signal", "max_abs_error/signal", "relative_l2/signal"),
                evaluation.fieldErrors().stream().map(MetricResult::name).toList());
        assertEquals(0.0, evaluation.fieldErrors().get(0).value());
    }

    @Test
    void evaluationRoundTripsThroughJson() throws Exception {
        List<ParameterPoint> points = Sampling.UNIFORM.sample(NoisySineGenerator.SPACE, 20, new SplittableRandom(1));
        Dataset reference = sweep("ref", points, 1);
        Evaluation evaluation = Evaluator.evaluate(TASK, reference, sweep("gen", points, 3), reference,
                OptionalDouble.of(2.0), "ckpt");

        Path file = temp.resolve("eval/evaluation.json");
        EvaluationFiles.write(file, evaluation);
        Evaluation read = EvaluationFiles.read(file);

        assertEquals(evaluation.observable("first").wasserstein(), read.observable("first").wasserstein());
        assertEquals(evaluation.speedup().effective(), read.speedup().effective());
        assertEquals("ckpt", read.checkpoint());
    }
}
