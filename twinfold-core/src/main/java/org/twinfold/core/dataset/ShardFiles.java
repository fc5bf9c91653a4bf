package org.twinfold.core.dataset;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Node;
import io.jhdf.api.WritableDataset;
import io.jhdf.exceptions.HdfException;
import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.twinfold.core.ElementType;
import org.twinfold.core.Field;
import org.twinfold.core.ParameterPoint;
import org.twinfold.core.SampleBatch;
import org.twinfold.core.Schema;

/**
 * One shard as an HDF5 file, readable by h5py: a dataset per schema field of shape
 * (samples, field shape...), plus {@code parameters} float64 (samples, parameters) with the
 * comma-separated parameter names in its {@code names} attribute, {@code seeds}
 * int64 (samples) and, for class-conditional data, {@code class_label} int32 (samples). Each field
 * carries {@code unit} and {@code dtype} attributes.
 *
 * <p>Note: twinfold writes Java bytes as signed 8-bit integers, so a uint8 field appears in h5py as
 * int8 with the attribute {@code dtype = "uint8"}; twinfold reads the bytes back unchanged and
 * treats them as unsigned. Values up to 127 read the same either way.
 */
final class ShardFiles {
    static final String PARAMETERS = "parameters";
    static final String SEEDS = "seeds";
    static final String CLASS_LABEL = "class_label";

    private ShardFiles() {
    }

    /** Writes a shard to {@code file} (the caller picks a temporary name and renames it later). */
    static void write(Path file, SampleBatch batch, List<String> parameterNames, List<ParameterPoint> points,
                      long[] seeds) {
        int count = batch.size();
        try (WritableHdfFile hdf = HdfFile.write(file)) {
            hdf.putAttribute("twinfold_format_version", Manifest.FORMAT_VERSION);
            for (Field field : batch.schema().fields()) {
                Object nested = nest(batch.array(field.name()), count, field.shapeArray(), field.type());
                WritableDataset dataset = hdf.putDataset(field.name(), nested);
                dataset.putAttribute("unit", field.unit());
                dataset.putAttribute("dtype", field.type().numpyName());
            }
            if (!points.isEmpty() && points.get(0).size() > 0) {
                double[][] parameters = new double[count][];
                for (int i = 0; i < count; i++) {
                    parameters[i] = points.get(i).values();
                }
                WritableDataset dataset = hdf.putDataset(PARAMETERS, parameters);
                dataset.putAttribute("names", String.join(",", parameterNames));
            }
            hdf.putDataset(SEEDS, seeds.clone());
            if (!points.isEmpty() && points.get(0).classLabel().isPresent()) {
                hdf.putDataset(CLASS_LABEL, points.stream().mapToInt(p -> p.classLabel().orElseThrow()).toArray());
            }
        }
    }

    /**
     * Reads the fields of a shard and checks each field's shape and element type against the schema.
     *
     * @throws DatasetFormatException naming the file, field, expected and found shape or type
     */
    static SampleBatch read(Path file, Schema schema, int expectedCount) {
        if (!Files.isRegularFile(file)) {
            throw new DatasetFormatException("shard " + file + " is missing; rerun the sweep command that made the "
                    + "dataset to write it again");
        }
        try (HdfFile hdf = new HdfFile(file)) {
            SampleBatch.Builder builder = SampleBatch.builder(schema, expectedCount);
            for (Field field : schema.fields()) {
                builder.put(field.name(), readField(hdf, file, field, expectedCount));
            }
            return builder.build();
        } catch (HdfException e) {
            throw new DatasetFormatException(file + " is not a readable HDF5 file (" + e.getMessage()
                    + "); it may be truncated or of another format, so delete it and rerun the sweep", e);
        }
    }

    private static Object readField(HdfFile hdf, Path file, Field field, int expectedCount) {
        Node node = hdf.getChild(field.name());
        if (!(node instanceof Dataset dataset)) {
            throw new DatasetFormatException(file + " has no dataset '" + field.name() + "'; expected "
                    + field.type().numpyName() + " of shape " + shapeWithCount(expectedCount, field));
        }
        int[] expected = expectedDimensions(expectedCount, field);
        if (!Arrays.equals(dataset.getDimensions(), expected)) {
            throw new DatasetFormatException(file + ": dataset '" + field.name() + "' has shape "
                    + Arrays.toString(dataset.getDimensions()) + ", expected " + Arrays.toString(expected));
        }
        if (field.type() == ElementType.UINT8 && Hdf5Types.isUnsignedByte(dataset)) {
            return narrowUnsignedBytes((int[]) dataset.getDataFlat());
        }
        Class<?> expectedType = field.type().arrayClass().getComponentType();
        if (dataset.getJavaType() != expectedType) {
            throw new DatasetFormatException(file + ": dataset '" + field.name() + "' contains "
                    + dataset.getJavaType().getSimpleName() + " values, expected " + field.type().numpyName());
        }
        checkDeclaredType(file, field, dataset.getAttribute("dtype"));
        return dataset.getDataFlat();
    }

    private static byte[] narrowUnsignedBytes(int[] values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    // The dtype attribute separates uint8 from int8, which jhdf reads as the same Java byte type.
    private static void checkDeclaredType(Path file, Field field, Attribute declared) {
        if (declared != null && !field.type().numpyName().equals(String.valueOf(declared.getData()))) {
            throw new DatasetFormatException(file + ": dataset '" + field.name() + "' is declared as "
                    + declared.getData() + ", expected " + field.type().numpyName());
        }
    }

    static long[] readSeeds(Path file) {
        try (HdfFile hdf = new HdfFile(file)) {
            return (long[]) hdf.getDatasetByPath(SEEDS).getDataFlat();
        } catch (HdfException e) {
            throw new DatasetFormatException(file + " is not a readable HDF5 file: " + e.getMessage(), e);
        }
    }

    /** Returns true when the file opens as HDF5 and contains the expected seeds. */
    static boolean isIntact(Path file, long[] expectedSeeds) {
        try {
            return Arrays.equals(readSeeds(file), expectedSeeds);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static int[] expectedDimensions(int count, Field field) {
        int[] shape = field.shapeArray();
        int[] dimensions = new int[shape.length + 1];
        dimensions[0] = count;
        System.arraycopy(shape, 0, dimensions, 1, shape.length);
        return dimensions;
    }

    private static String shapeWithCount(int count, Field field) {
        return Arrays.toString(expectedDimensions(count, field));
    }

    // jhdf writes a multi-dimensional Java array; this copies a flat row-major array into one.
    private static Object nest(Object flat, int count, int[] shape, ElementType type) {
        int[] dimensions = new int[shape.length + 1];
        dimensions[0] = count;
        System.arraycopy(shape, 0, dimensions, 1, shape.length);
        Object nested = Array.newInstance(type.arrayClass().getComponentType(), dimensions);
        int rowLength = dimensions[dimensions.length - 1];
        fill(nested, flat, new int[] {0}, rowLength, dimensions.length);
        return nested;
    }

    private static void fill(Object target, Object flat, int[] offset, int rowLength, int depth) {
        if (depth == 1) {
            System.arraycopy(flat, offset[0], target, 0, rowLength);
            offset[0] += rowLength;
            return;
        }
        int length = Array.getLength(target);
        for (int i = 0; i < length; i++) {
            fill(Array.get(target, i), flat, offset, rowLength, depth - 1);
        }
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Best effort: the caller is already reporting the error that made the file useless.
        }
    }
}
