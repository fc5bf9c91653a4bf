package org.twinfold.ml.mlp;

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
 * A trained {@link MlpRegressor} served as a deterministic {@link Generator}: sample i is the
 * predicted field at {@code points.get(i)}; the seeds are ignored. The schema has one float32 field
 * whose element count equals the regressor's output size, and the parameter space's dimension equals
 * its input size. Thread-safe, because {@link MlpRegressor#predict} is synchronized.
 *
 * <p>The surrogate does not own the regressor; close the regressor when done.
 */
public final class MlpSurrogate implements Generator {
    private final GeneratorInfo info;
    private final Schema schema;
    private final ParameterSpace parameterSpace;
    private final MlpRegressor regressor;
    private final Field field;

    /**
     * @throws IllegalArgumentException when the schema has not exactly one float32 field of the
     *     regressor's output size, or the parameter space's dimension differs from its input size
     */
    public MlpSurrogate(GeneratorInfo info, Schema schema, ParameterSpace parameterSpace, MlpRegressor regressor) {
        if (schema.fields().size() != 1) {
            throw new IllegalArgumentException("an MLP surrogate produces one field, but the schema has "
                    + schema.names());
        }
        Field only = schema.fields().get(0);
        if (only.type() != ElementType.FLOAT32) {
            throw new IllegalArgumentException("field '" + only.name() + "' is " + only.type().numpyName()
                    + "; an MLP surrogate produces float32");
        }
        int outputSize = regressor.architecture().outputSize();
        if (only.elementsPerSample() != outputSize) {
            throw new IllegalArgumentException("field '" + only.name() + "' with shape " + only.shape() + " has "
                    + only.elementsPerSample() + " elements but the regressor predicts " + outputSize);
        }
        if (parameterSpace.dimension() != regressor.architecture().inputSize()) {
            throw new IllegalArgumentException("the parameter space has " + parameterSpace.dimension()
                    + " parameters but the regressor takes " + regressor.architecture().inputSize() + " inputs");
        }
        this.info = info;
        this.schema = schema;
        this.parameterSpace = parameterSpace;
        this.regressor = regressor;
        this.field = only;
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
        return parameterSpace;
    }

    @Override
    public SampleBatch generate(List<ParameterPoint> points, long[] seeds) {
        if (seeds.length != points.size()) {
            throw new IllegalArgumentException(points.size() + " points but " + seeds.length + " seeds; pass one seed"
                    + " per point");
        }
        if (points.isEmpty()) {
            return SampleBatch.builder(schema, 0).put(field.name(), new float[0]).build();
        }

        float[][] inputs = new float[points.size()][];
        for (int i = 0; i < points.size(); i++) {
            ParameterPoint point = points.get(i);
            parameterSpace.validate(point);
            inputs[i] = new float[point.size()];
            for (int j = 0; j < point.size(); j++) {
                inputs[i][j] = (float) point.value(j);
            }
        }

        float[][] fields = regressor.predict(inputs);
        int d = field.elementsPerSample();
        float[] flat = new float[points.size() * d];
        for (int i = 0; i < fields.length; i++) {
            System.arraycopy(fields[i], 0, flat, i * d, d);
        }
        return SampleBatch.builder(schema, points.size()).put(field.name(), flat).build();
    }
}
