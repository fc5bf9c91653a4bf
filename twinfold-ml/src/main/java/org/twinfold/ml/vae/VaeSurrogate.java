package org.twinfold.ml.vae;

import java.util.List;
import org.twinfold.core.ElementType;
import org.twinfold.core.Field;
import org.twinfold.core.Generator;
import org.twinfold.core.GeneratorInfo;
import org.twinfold.core.ParameterPoint;
import org.twinfold.core.ParameterSpace;
import org.twinfold.core.SampleBatch;
import org.twinfold.core.Schema;

/**
 * A trained {@link VaeModel} served as a stochastic {@link Generator} of one float field: sample i is
 * decoded from a latent drawn with {@code seeds[i]} under the condition of {@code points.get(i)}. The
 * same point and seed give the same sample in any batch, up to the rounding of batched matrix
 * products. Thread-safe: calls run one at a time on the model.
 *
 * <p>Owns the model: {@link #close} frees its native memory.
 */
public final class VaeSurrogate implements Generator, AutoCloseable {
    private final GeneratorInfo info;
    private final Schema schema;
    private final Field field;
    private final VaeModel model;
    private final int sampleBatchSize;

    /**
     * @param sampleBatchSize fields per decoder pass, at least 1
     * @throws IllegalArgumentException when the schema is not one float field of the model's size
     */
    public VaeSurrogate(GeneratorInfo info, Schema schema, VaeModel model, int sampleBatchSize) {
        Field only = VaeFamily.singleFloatField(schema);
        if (only.elementsPerSample() != model.architecture().fieldSize()) {
            throw new IllegalArgumentException("field '" + only.name() + "' with shape " + only.shape() + " has "
                    + only.elementsPerSample() + " values but the VAE generates " + model.architecture().fieldSize());
        }
        if (sampleBatchSize < 1) {
            throw new IllegalArgumentException("sample batch size is " + sampleBatchSize + "; it must be at least 1");
        }
        this.info = info;
        this.schema = schema;
        this.field = only;
        this.model = model;
        this.sampleBatchSize = sampleBatchSize;
    }

    public VaeModel model() {
        return model;
    }

    public int sampleBatchSize() {
        return sampleBatchSize;
    }

    @Override
    public GeneratorInfo info() {
        return info;
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public ParameterSpace parameterSpace() {
        return new ParameterSpace(model.conditioning().parameters(), List.of());
    }

    @Override
    public SampleBatch generate(List<ParameterPoint> points, long[] seeds) {
        ParameterSpace space = parameterSpace();
        for (ParameterPoint point : points) {
            space.validate(point);
        }
        float[] values = model.sample(points, seeds, sampleBatchSize);
        return SampleBatch.builder(schema, points.size()).put(field.name(), typed(values)).build();
    }

    private Object typed(float[] values) {
        if (field.type() == ElementType.FLOAT32) {
            return values;
        }
        double[] doubles = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            doubles[i] = values[i];
        }
        return doubles;
    }

    @Override
    public void close() {
        model.close();
    }
}
