package org.twinfold.ml.diffusion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.twinfold.core.testkit.AllClose.assertAllClose;

import ai.djl.ndarray.NDArray;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinfold.ml.train.LearningRateSchedule;
import org.twinfold.ml.train.TrainingConfig;
import org.twinfold.ml.train.TrainingListener;

/** Training, checkpoints and resume of a tiny class-conditional model on 8 x 8 stripes. */
class DiffusionModelTest {
    private static final int BATCH = 16;
    private static final DiffusionOptions OPTIONS = DiffusionOptions.builder().optBaseChannels(8)
            .optChannelMultipliers(List.of(1, 2)).optAttention(true, 2).optMaxGroups(4).optEmaDecay(0.9).build();
    private static final UNetConfig CONFIG = OPTIONS.unet(1, 2, 0);
    private static final SamplingOptions SAMPLING = new SamplingOptions(SamplerSettings.deterministic(6), 3, 1);

    @TempDir
    Path folder;

    private static TrainingConfig config(long steps) {
        return TrainingConfig.builder().setTotalSteps(steps).setSeed(9)
                .setSchedule(LearningRateSchedule.warmupCosine(3e-3, 5, steps, 3e-4))
                .optEmaDecay(OPTIONS.emaDecay()).optCheckpointEvery(10).build();
    }

    private static DiffusionModel train(long steps, Path checkpoints, TrainingListener listener) {
        return train(OPTIONS, steps, checkpoints, listener);
    }

    private static DiffusionModel train(DiffusionOptions options, long steps, Path checkpoints,
                                        TrainingListener listener) {
        return DiffusionModel.train(Stripes.images(32), options.unet(1, 2, 0), options, config(steps), BATCH,
                checkpoints, listener, null);
    }

    private static float[] weights(DiffusionModel model) {
        List<Float> values = new ArrayList<>();
        for (var pair : model.network().getParameters()) {
            NDArray array = pair.getValue().getArray();
            for (float v : array.toFloatArray()) {
                values.add(v);
            }
        }
        float[] flat = new float[values.size()];
        for (int i = 0; i < flat.length; i++) {
            flat[i] = values.get(i);
        }
        return flat;
    }

    private static ConditionBatch labels(int... labels) {
        return new ConditionBatch(labels, null);
    }

    @Test
    void trainingReducesLoss() {
        List<Double> losses = new ArrayList<>();
        try (DiffusionModel model = train(120, null, report -> losses.add(report.loss()))) {
            assertEquals(CONFIG, model.config());
            double first = losses.subList(0, 20).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            double last = losses.subList(100, 120).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            assertTrue(last < 0.6 * first, "mean loss of steps 1-20 is " + first + ", of steps 101-120 " + last);
        }
    }

    @Test
    void loadedCheckpointGivesIdenticalSamples() throws IOException {
        long[] seeds = {3, 4, 5, 6};
        float[] trained;
        try (DiffusionModel model = train(10, folder, report -> { })) {
            trained = model.sample(labels(0, 1, 0, 1), seeds, SAMPLING);
        }
        try (DiffusionModel loaded = DiffusionModel.load(folder, ComputeOptions.cpu())) {
            assertEquals(CONFIG, loaded.config());
            assertArrayEquals(trained, loaded.sample(labels(0, 1, 0, 1), seeds, SAMPLING));

            // The same seed gives the same image alone, in another batch size and with guidance off.
            float[] alone = loaded.sample(labels(1), new long[] {6}, new SamplingOptions(SamplerSettings.deterministic(6), 1, 1));
            assertAllClose(java.util.Arrays.copyOfRange(trained, 3 * 64, 4 * 64), alone, 1e-5, 1e-5);

            // Guidance runs and changes the result.
            float[] guided = loaded.sample(labels(0, 1, 0, 1), seeds,
                    new SamplingOptions(SamplerSettings.deterministic(6), 4, 2.0));
            assertEquals(trained.length, guided.length);
        }
    }

    @Test
    void guidanceIntervalLimitsGuidedLevels() {
        long[] seeds = {3, 4};
        SamplerSettings sampler = SamplerSettings.deterministic(6);
        try (DiffusionModel model = train(10, null, report -> { })) {
            float[] plain = model.sample(labels(0, 1), seeds, new SamplingOptions(sampler, 2, 1));
            float[] guided = model.sample(labels(0, 1), seeds, new SamplingOptions(sampler, 2, 2.0));
            SamplingOptions everyLevel = new SamplingOptions(sampler, 2, 2.0, 0, Double.POSITIVE_INFINITY);
            // The sampler's levels run from sigma_max = 80 down to 0.002.
            SamplingOptions noLevel = new SamplingOptions(sampler, 2, 2.0, 100, Double.POSITIVE_INFINITY);
            SamplingOptions middle = new SamplingOptions(sampler, 2, 2.0, 0.3, 3);

            assertArrayEquals(guided, model.sample(labels(0, 1), seeds, everyLevel));
            assertArrayEquals(plain, model.sample(labels(0, 1), seeds, noLevel));
            float[] limited = model.sample(labels(0, 1), seeds, middle);
            assertTrue(maxDifference(limited, plain) > 1e-4, "guidance over sigma 0.3 to 3 changed nothing");
            assertTrue(maxDifference(limited, guided) > 1e-4, "guidance over sigma 0.3 to 3 acted at every level");
        }
    }

    @Test
    void samplingReportsProgressAfterEachStep() {
        List<Double> fractions = new ArrayList<>();
        try (DiffusionModel model = train(10, null, report -> { })) {
            // Three images in batches of two: 6 steps for images 1 and 2, then 6 for image 3.
            float[] reported = model.sample(labels(0, 1, 0), new long[] {1, 2, 3},
                    new SamplingOptions(SamplerSettings.deterministic(6), 2, 1), null, fractions::add);
            assertArrayEquals(model.sample(labels(0, 1, 0), new long[] {1, 2, 3},
                    new SamplingOptions(SamplerSettings.deterministic(6), 2, 1)), reported);
        }
        assertEquals(12, fractions.size(), fractions.toString());
        assertEquals(1.0 / 9, fractions.get(0), 1e-12);
        assertEquals(2.0 / 3, fractions.get(5), 1e-12);
        assertEquals(1.0, fractions.get(11), 1e-12);
        for (int i = 1; i < fractions.size(); i++) {
            assertTrue(fractions.get(i) > fractions.get(i - 1), fractions.toString());
        }
    }

    @Test
    void autoguidanceWeighsMainAgainstGuide() throws IOException {
        long[] seeds = {3, 4};
        SamplingOptions plain = new SamplingOptions(SamplerSettings.deterministic(6), 2, 1);
        SamplingOptions weighted = new SamplingOptions(SamplerSettings.deterministic(6), 2, 2.0);
        // Checkpoints at steps 10 and 20 of one training: the earlier one is the weaker guide.
        try (DiffusionModel model = train(20, folder, report -> { });
             DiffusionModel same = DiffusionModel.load(folder, ComputeOptions.cpu());
             DiffusionModel weaker = DiffusionModel.load(folder.resolve("step-000000000010"), ComputeOptions.cpu())) {
            float[] unguided = model.sample(labels(0, 1), seeds, plain);

            // A guide equal to the model leaves D_guide + w (D - D_guide) = D.
            assertArrayEquals(unguided, model.sample(labels(0, 1), seeds, weighted, same));
            float[] guided = model.sample(labels(0, 1), seeds, weighted, weaker);
            assertTrue(maxDifference(guided, unguided) > 1e-4, "a weaker guide changed nothing");
            assertArrayEquals(guided, model.sample(labels(0, 1), seeds, weighted, weaker));
        }
    }

    @Test
    void unconditionalSelfGuideIsClassifierFree() throws IOException {
        long[] seeds = {3, 4};
        SamplingOptions classifierFree = new SamplingOptions(SamplerSettings.deterministic(6), 2, 2.0);
        try (DiffusionModel model = train(10, folder, report -> { });
             DiffusionModel same = DiffusionModel.load(folder, ComputeOptions.cpu())) {
            // With the model as its own guide and no condition for the guide,
            // D_guide + w (D - D_guide) is D(none) + w (D(c) - D(none)): classifier-free guidance.
            float[] expected = model.sample(labels(0, 1), seeds, classifierFree);
            float[] guided = model.sample(labels(0, 1), seeds, classifierFree.withUnconditionalGuide(true), same);

            assertTrue(maxDifference(expected, guided) < 1e-4, "differs by " + maxDifference(expected, guided));
            float[] conditionalGuide = model.sample(labels(0, 1), seeds, classifierFree, same);
            assertTrue(maxDifference(expected, conditionalGuide) > 1e-4, "the guide's condition changed nothing");
        }
    }

    @Test
    void unconditionalGuideNeedsLabelDropout() {
        DiffusionOptions noDropout = OPTIONS.toBuilder().optLabelDropout(0).build();
        SamplingOptions options = new SamplingOptions(SamplerSettings.deterministic(6), 2, 2.0)
                .withUnconditionalGuide(true);
        try (DiffusionModel model = train(6, null, report -> { });
             DiffusionModel guide = train(noDropout, 6, null, report -> { })) {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> model.sample(labels(0, 1), new long[] {3, 4}, options, guide));
            assertTrue(error.getMessage().contains("trained without label dropout"), error.getMessage());
            assertTrue(error.getMessage().contains("--guide-condition same"), error.getMessage());
        }
    }

    @Test
    void autoguidanceRejectsGuideOfOtherImages() {
        DiffusionOptions narrower = OPTIONS.toBuilder().optBaseChannels(4).build();
        try (DiffusionModel model = train(6, null, report -> { });
             DiffusionModel otherClasses = DiffusionModel.train(Stripes.images(32), narrower.unet(1, 3, 0), narrower,
                     config(6), BATCH, null, report -> { }, null)) {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> model.requireGuides(otherClasses));
            assertTrue(error.getMessage().contains("from 3 classes"), error.getMessage());
        }
    }

    @Test
    void guidanceIntervalRejectsReversedBounds() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new SamplingOptions(SamplerSettings.deterministic(6), 2, 2.0, 3, 0.3));
        assertTrue(error.getMessage().contains("sigma 3.0 to 0.3"), error.getMessage());
    }

    private static double maxDifference(float[] a, float[] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }

    @Test
    void selfConditionedModelResumesReproducibly() throws IOException {
        DiffusionOptions options = OPTIONS.toBuilder().optSelfCondition(true).build();
        long[] seeds = {3, 4, 5};
        float[] straight;
        float[] sampled;
        try (DiffusionModel model = train(options, 20, null, report -> { })) {
            straight = weights(model);
            sampled = model.sample(labels(0, 1, 0), seeds, SAMPLING);
        }

        // The coin of each step comes from the step's random source, so a resumed run draws it again.
        TrainingListener killer = report -> {
            if (report.step() == 15) {
                throw new IllegalStateException("simulated kill");
            }
        };
        assertThrows(IllegalStateException.class, () -> train(options, 20, folder, killer));
        try (DiffusionModel resumed = train(options, 20, folder, report -> { })) {
            assertAllClose(straight, weights(resumed), 1e-4, 1e-5);
        }
        try (DiffusionModel loaded = DiffusionModel.load(folder, ComputeOptions.cpu())) {
            assertTrue(loaded.config().selfCondition());
            assertAllClose(sampled, loaded.sample(labels(0, 1, 0), seeds, SAMPLING), 1e-4, 1e-5);
            float[] guided = loaded.sample(labels(0, 1, 0), seeds, new SamplingOptions(SamplerSettings.deterministic(6),
                    3, 2.0));
            assertArrayEquals(guided, loaded.sample(labels(0, 1, 0), seeds,
                    new SamplingOptions(SamplerSettings.deterministic(6), 3, 2.0)));
        }
    }

    @Test
    void killedTrainingResumesToSameWeights() {
        float[] straight;
        try (DiffusionModel model = train(20, null, report -> { })) {
            straight = weights(model);
        }

        TrainingListener killer = report -> {
            if (report.step() == 15) {
                throw new IllegalStateException("simulated kill");
            }
        };
        assertThrows(IllegalStateException.class, () -> train(20, folder, killer));
        try (DiffusionModel resumed = train(20, folder, report -> assertTrue(report.step() > 10))) {
            assertAllClose(straight, weights(resumed), 1e-4, 1e-5);
        }
    }
}
