package org.twinfold.core;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A batch of samples that follow one {@link Schema}. Each field is one flat, row-major Java array of
 * {@code size * field.elementsPerSample()} elements, sample after sample, of the field's
 * {@link ElementType#arrayClass() array class}.
 *
 * <p>The arrays are not copied: a batch is a view, and callers must not change arrays they passed in.
 */
public final class SampleBatch {
    private final Schema schema;
    private final int size;
    private final Map<String, Object> arrays;

    private SampleBatch(Schema schema, int size, Map<String, Object> arrays) {
        this.schema = schema;
        this.size = size;
        this.arrays = arrays;
    }

    /** Starts a batch of {@code size} samples; every field of the schema must be put before {@code build()}. */
    public static Builder builder(Schema schema, int size) {
        if (size < 0) {
            throw new IllegalArgumentException("batch size is " + size + "; it must be zero or positive");
        }
        return new Builder(Objects.requireNonNull(schema, "schema"), size);
    }

    public Schema schema() {
        return schema;
    }

    public int size() {
        return size;
    }

    /** Returns the flat array of a field, of the field's array class. */
    public Object array(String name) {
        schema.field(name);
        return arrays.get(name);
    }

    public float[] floats(String name) {
        return typed(name, ElementType.FLOAT32, float[].class);
    }

    public double[] doubles(String name) {
        return typed(name, ElementType.FLOAT64, double[].class);
    }

    /** Returns the bytes of a uint8 field; read an element as {@code Byte.toUnsignedInt(b)}. */
    public byte[] bytes(String name) {
        return typed(name, ElementType.UINT8, byte[].class);
    }

    public int[] ints(String name) {
        return typed(name, ElementType.INT32, int[].class);
    }

    public long[] longs(String name) {
        return typed(name, ElementType.INT64, long[].class);
    }

    /** Returns one element of any numeric field as a double, at flat position {@code sample * elements + offset}. */
    public double value(String name, int sample, int offset) {
        Field field = schema.field(name);
        int index = sample * field.elementsPerSample() + offset;
        Object array = arrays.get(name);
        return switch (field.type()) {
            case FLOAT32 -> ((float[]) array)[index];
            case FLOAT64 -> ((double[]) array)[index];
            case UINT8 -> Byte.toUnsignedInt(((byte[]) array)[index]);
            case INT32 -> ((int[]) array)[index];
            case INT64 -> ((long[]) array)[index];
        };
    }

    private <T> T typed(String name, ElementType expected, Class<T> arrayClass) {
        Field field = schema.field(name);
        if (field.type() != expected) {
            throw new IllegalArgumentException("field '" + name + "' contains " + field.type().numpyName()
                    + ", not " + expected.numpyName());
        }
        return arrayClass.cast(arrays.get(name));
    }

    /** Collects one array per field and checks each array's class and length. */
    public static final class Builder {
        private final Schema schema;
        private final int size;
        private final Map<String, Object> arrays = new LinkedHashMap<>();

        private Builder(Schema schema, int size) {
            this.schema = schema;
            this.size = size;
        }

        public Builder put(String name, Object array) {
            Field field = schema.field(name);
            Objects.requireNonNull(array, name);
            if (!field.type().arrayClass().isInstance(array)) {
                throw new IllegalArgumentException("field '" + name + "' expects " + field.type().numpyName()
                        + " data as " + field.type().arrayClass().getSimpleName() + ", got "
                        + array.getClass().getSimpleName());
            }
            long expected = (long) size * field.elementsPerSample();
            int actual = java.lang.reflect.Array.getLength(array);
            if (actual != expected) {
                throw new IllegalArgumentException("field '" + name + "' with shape " + field.shape() + " needs "
                        + expected + " elements for " + size + " samples, got " + actual);
            }
            arrays.put(name, array);
            return this;
        }

        public SampleBatch build() {
            for (Field field : schema.fields()) {
                if (!arrays.containsKey(field.name())) {
                    throw new IllegalStateException("field '" + field.name() + "' was not set in the batch");
                }
            }
            return new SampleBatch(schema, size, Map.copyOf(arrays));
        }
    }
}
