package org.twinfold.ml.vae;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.twinfold.core.testkit.AllClose.assertAllClose;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinfold.core.ParameterPoint;
import org.twinfold.core.SampleBatch;
import org.twinfold.core.Task;
import org.twinfold.core.dataset.Dataset;
import org.twinfold.ml.SurrogateFamilies;
import org.twinfold.ml.SurrogateOptions;
import org.twinfold.ml.train.CheckpointStore;
import org.twinfold.ml.train.TrainingListener;

/** The VAE family on a 2-D Gaussian whose mean and spread depend on the parameter. */
class VaeFamilyTest {
    private static final Task TASK = ConditionalGaussian.task(Map.of("vae.transform", "none"));
    // The calorimeter's standardization, so per-element moments go through checkpoints, resume and loading.
    private static final Task PER_ELEMENT_TASK = ConditionalGaussian.task(Map.of("vae.transform", "none",
            "vae.standardize", "per-element"));
    private static final VaeOptions SMALL = VaeOptions.builder().optLatentSize(2).optHiddenWidths(List.of(32, 32))
            .optSampleBatchSize(256).build();

    @TempDir
    static Path temp;

    private static Dataset data;
    private static Path trained;

    @BeforeAll
    static void trainOnce() throws Exception {
        data = ConditionalGaussian.dataset(temp.resolve("data"), 4000);
        trained = temp.resolve("trained");
        new VaeFamily(SMALL).train(TASK, data, new SurrogateOptions(1500, 128, 3e-3, 5, 500, List.of()), trained,
                report -> { });
    }

    @Test
    void samplesReproduceConditionalMoments() throws Exception {
        try (VaeSurrogate surrogate = new VaeFamily(SMALL).load(trained)) {
            for (double scale : new double[] {3, 10, 60}) {
                double[][] moments = moments(surrogate, scale, 4000);

                // Tolerances are about twice the errors seen with this seed: up to 0.05 in the means and
                // 11 % in the standard deviations, from 2,000 training samples per decade of scale.
                assertEquals(ConditionalGaussian.mean0(scale), moments[0][0], 0.12, "mean of x0 at " + scale);
                assertEquals(ConditionalGaussian.mean1(scale), moments[1][0], 0.06, "mean of x1 at " + scale);
                assertEquals(ConditionalGaussian.std0(scale), moments[0][1], 0.15 * ConditionalGaussian.std0(scale),
                        "std of x0 at " + scale);
                assertEquals(ConditionalGaussian.std1(scale), moments[1][1], 0.22 * ConditionalGaussian.std1(scale),
                        "std of x1 at " + scale);
            }
        }
    }

    @Test
    void sameSeedsGiveSameSamples() throws Exception {
        List<ParameterPoint> points = Collections.nCopies(300, ParameterPoint.of(10));
        long[] seeds = new long[300];
        for (int i = 0; i < seeds.length; i++) {
            seeds[i] = 1000 + i;
        }
        try (VaeSurrogate surrogate = new VaeFamily(SMALL).load(trained)) {
            float[] first = surrogate.generate(points, seeds).floats("x");
            float[] second = surrogate.generate(points, seeds).floats("x");
            assertArrayEquals(first, second);

            try (VaeSurrogate oneByOne = new VaeFamily(SMALL).load(trained, 1)) {
                assertAllClose(first, oneByOne.generate(points, seeds).floats("x"), 1e-5, 1e-5);
            }
        }
    }

    @Test
    void familyIsRegisteredAndFoundFromCheckpoint() throws Exception {
        assertEquals("vae", SurrogateFamilies.byName("vae").name());
        assertEquals("vae", SurrogateFamilies.forCheckpoint(trained).name());
    }

    @Test
    void killedRunResumesToSameModel() throws Exception {
        SurrogateOptions options = new SurrogateOptions(30, 64, 3e-3, 9, 10, List.of());
        Path straight = temp.resolve("straight");
        new VaeFamily(SMALL).train(PER_ELEMENT_TASK, data, options, straight, report -> { });

        Path resumed = temp.resolve("resumed");
        TrainingListener killer = report -> {
            if (report.step() == 25) {
                throw new IllegalStateException("simulated kill");
            }
        };
        assertThrows(IllegalStateException.class, () -> new VaeFamily(SMALL).train(PER_ELEMENT_TASK, data, options,
                resumed, killer));
        assertEquals(20, CheckpointStore.stepOf(CheckpointStore.latest(resumed).orElseThrow()));
        new VaeFamily(SMALL).train(PER_ELEMENT_TASK, data, options, resumed,
                report -> assertTrue(report.step() > 20));

        assertEquals(30, CheckpointStore.stepOf(CheckpointStore.latest(resumed).orElseThrow()));
        List<ParameterPoint> points = List.of(ParameterPoint.of(2), ParameterPoint.of(50));
        long[] seeds = {3, 4};
        try (VaeSurrogate first = new VaeFamily(SMALL).load(straight);
             VaeSurrogate second = new VaeFamily(SMALL).load(resumed)) {
            assertAllClose(first.generate(points, seeds).floats("x"), second.generate(points, seeds).floats("x"),
                    1e-4, 1e-5);
        }
    }

    @Test
    void pointOutsideRangeRejected() throws Exception {
        try (VaeSurrogate surrogate = new VaeFamily(SMALL).load(trained)) {
            assertThrows(IllegalArgumentException.class,
                    () -> surrogate.generate(List.of(ParameterPoint.of(500)), new long[] {1}));
        }
    }

    /** Returns {mean, std} of x0 and of x1 over {@code count} samples at one scale. */
    private static double[][] moments(VaeSurrogate surrogate, double scale, int count) {
        List<ParameterPoint> points = new ArrayList<>(Collections.nCopies(count, ParameterPoint.of(scale)));
        long[] seeds = new long[count];
        for (int i = 0; i < count; i++) {
            seeds[i] = 77L * i + 1;
        }
        SampleBatch batch = surrogate.generate(points, seeds);
        float[] x = batch.floats("x");
        double[][] moments = new double[2][2];
        for (int k = 0; k < 2; k++) {
            double sum = 0;
            double sumSquares = 0;
            for (int i = 0; i < count; i++) {
                sum += x[2 * i + k];
                sumSquares += x[2 * i + k] * x[2 * i + k];
            }
            double mean = sum / count;
            moments[k][0] = mean;
            moments[k][1] = Math.sqrt(sumSquares / count - mean * mean);
        }
        return moments;
    }
}
