package org.twinfold.ml.diffusion;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.twinfold.core.ElementType;
import org.twinfold.core.Field;
import org.twinfold.core.Generator;
import org.twinfold.core.GeneratorInfo;
import org.twinfold.core.Parameter;
import org.twinfold.core.ParameterPoint;
import org.twinfold.core.ParameterSpace;
import org.twinfold.core.SampleBatch;
import org.twinfold.core.Schema;

/**
 * A tiny image task: 8 x 8 uint8 masks with a stripe of width 2 at a random offset, vertical for
 * class 0 (parameter 0) and horizontal for class 1 (parameter 1).
 */
final class Stripes implements Generator {
    static final int SIDE = 8;
    static final Field FIELD = new Field("mask", List.of(SIDE, SIDE), ElementType.UINT8, "1", "stripe mask");
    static final Parameter ORIENTATION = new Parameter("orientation", 0, 1, "1", "0 vertical, 1 horizontal");

    @Override
    public GeneratorInfo info() {
        return new GeneratorInfo("stripes", "1", Map.of());
    }

    @Override
    public Schema schema() {
        return Schema.of(FIELD);
    }

    @Override
    public ParameterSpace parameterSpace() {
        return ParameterSpace.of(ORIENTATION);
    }

    @Override
    public SampleBatch generate(List<ParameterPoint> points, long[] seeds) {
        byte[] masks = new byte[points.size() * SIDE * SIDE];
        for (int n = 0; n < points.size(); n++) {
            int offset = new SplittableRandom(seeds[n]).nextInt(SIDE);
            boolean horizontal = points.get(n).value(0) > 0.5;
            for (int i = 0; i < SIDE; i++) {
                for (int j = 0; j < SIDE; j++) {
                    int coordinate = horizontal ? i : j;
                    boolean on = Math.floorMod(coordinate - offset, SIDE) < 2;
                    masks[n * SIDE * SIDE + i * SIDE + j] = (byte) (on ? 1 : 0);
                }
            }
        }
        return SampleBatch.builder(schema(), points.size()).put(FIELD.name(), masks).build();
    }

    /** Returns {@code count} points alternating between class 0 and class 1. */
    static List<ParameterPoint> points(int count) {
        List<ParameterPoint> points = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            points.add(ParameterPoint.ofClass(i % 2, i % 2));
        }
        return points;
    }

    /** Returns a training set of {@code count} images with their class conditions. */
    static TrainingImages images(int count) {
        List<ParameterPoint> points = points(count);
        long[] seeds = new long[count];
        for (int i = 0; i < count; i++) {
            seeds[i] = 1000 + i;
        }
        SampleBatch batch = new Stripes().generate(points, seeds);
        Conditioning conditioning = Conditioning.of(List.of(ORIENTATION), points);
        return new TrainingImages(batch, FIELD, FieldScaling.fit(FIELD, batch), conditioning.conditions(points));
    }
}
