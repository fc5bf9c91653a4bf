package org.twinfold.core;

/**
 * Element types that a {@link Field} may hold, with the HDF5 and NumPy names they map to.
 *
 * <p>Each type has one Java array class in a {@link SampleBatch}: {@code float[]}, {@code double[]},
 * {@code byte[]} (read as unsigned), {@code int[]} or {@code long[]}.
 */
public enum ElementType {
    FLOAT32("float32", float[].class, 4),
    FLOAT64("float64", double[].class, 8),
    UINT8("uint8", byte[].class, 1),
    INT32("int32", int[].class, 4),
    INT64("int64", long[].class, 8);

    private final String numpyName;
    private final Class<?> arrayClass;
    private final int bytes;

    ElementType(String numpyName, Class<?> arrayClass, int bytes) {
        this.numpyName = numpyName;
        this.arrayClass = arrayClass;
        this.bytes = bytes;
    }

    /** Returns the NumPy dtype name, which is also the name used in manifests. */
    public String numpyName() {
        return numpyName;
    }

    /** Returns the flat Java array class that holds values of this type. */
    public Class<?> arrayClass() {
        return arrayClass;
    }

    /** Returns the size of one element in bytes. */
    public int bytes() {
        return bytes;
    }

    /** Parses a NumPy dtype name such as {@code float32}; the error lists the accepted names. */
    public static ElementType fromNumpyName(String name) {
        for (ElementType type : values()) {
            if (type.numpyName.equals(name)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown element type '" + name
                + "'; expected one of float32, float64, uint8, int32, int64");
    }
}
