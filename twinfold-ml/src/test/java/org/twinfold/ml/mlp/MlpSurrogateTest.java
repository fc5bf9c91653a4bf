package org.twinfold.ml.mlp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.twinfold.core.ElementType;
import org.twinfold.core.Field;
import org.twinfold.core.GeneratorInfo;
import org.twinfold.core.ParameterPoint;
import org.twinfold.core.SampleBatch;
import org.twinfold.core.Schema;
import org.twinfold.ml.train.LearningRateSchedule;
import org.twinfold.ml.train.TrainingConfig;

class MlpSurrogateTest {
    private static final GeneratorInfo INFO = new GeneratorInfo("mlp-surrogate", "1", Map.of());

    private static MlpRegressor smallRegressor() {
        float[][][] train = DampedSine.sample(64, 3);
        TrainingConfig config = TrainingConfig.builder().setTotalSteps(20).setSeed(1)
                .setSchedule(LearningRateSchedule.constant(1e-3)).build();
        return MlpRegressor.train(train[0], train[1], MlpOptions.builder().optHiddenWidths(List.of(8)).build(), config);
    }

    @Test
    void generateMatchesPredict() {
        Schema schema = Schema.of(new Field("y", List.of(DampedSine.POINTS), ElementType.FLOAT32, "1", "damped sine"));
        try (MlpRegressor regressor = smallRegressor()) {
            MlpSurrogate surrogate = new MlpSurrogate(INFO, schema, DampedSine.SPACE, regressor);
            List<ParameterPoint> points = List.of(ParameterPoint.of(2.0, 0.5), ParameterPoint.of(3.5, 0.9));
            SampleBatch batch = surrogate.generate(points, new long[] {1, 2});

            assertEquals(2, batch.size());
            float[][] expected = regressor.predict(new float[][] {{2.0f, 0.5f}, {3.5f, 0.9f}});
            float[] flat = batch.floats("y");
            for (int i = 0; i < 2; i++) {
                float[] row = new float[DampedSine.POINTS];
                System.arraycopy(flat, i * DampedSine.POINTS, row, 0, DampedSine.POINTS);
                assertArrayEquals(expected[i], row);
            }
            assertThrows(IllegalArgumentException.class,
                    () -> surrogate.generate(List.of(ParameterPoint.of(9.0, 0.5)), new long[] {1}));
        }
    }

    @Test
    void wrongFieldSizeRejected() {
        Schema schema = Schema.of(new Field("y", List.of(5), ElementType.FLOAT32, "1", "wrong size"));
        try (MlpRegressor regressor = smallRegressor()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new MlpSurrogate(INFO, schema, DampedSine.SPACE, regressor));
            assertEquals("field 'y' with shape [5] has 5 elements but the regressor predicts 32", e.getMessage());
        }
    }
}
