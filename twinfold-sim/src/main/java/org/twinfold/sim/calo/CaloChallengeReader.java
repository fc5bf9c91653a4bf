package org.twinfold.sim.calo;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Node;
import java.lang.reflect.Array;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.twinfold.core.dataset.DatasetFormatException;

/**
 * Reads a CaloChallenge HDF5 file: {@code incident_energies} (N, 1) and {@code showers}
 * (N, voxels), float64 (the challenge's own files) or float32 (files twinfold writes), in MeV.
 * Showers are read in slices of rows, so a 100,000-shower file never has to fit in memory at once.
 *
 * <p>Every problem raises {@link DatasetFormatException} naming the file: missing file or
 * dataset, wrong shape or element type, a non-finite value (with its shower index), or a file that
 * jhdf cannot parse, as when it is truncated. Not thread-safe.
 */
public final class CaloChallengeReader implements AutoCloseable {
    private final Path file;
    private final HdfFile hdf;
    private final Dataset showers;
    private final int count;
    private final int voxels;

    private CaloChallengeReader(Path file, HdfFile hdf, Dataset showers, int count, int voxels) {
        this.file = file;
        this.hdf = hdf;
        this.showers = showers;
        this.count = count;
        this.voxels = voxels;
    }

    /**
     * Opens a challenge file and checks both datasets' presence, shapes and element types.
     *
     * @param expectedVoxels voxels per shower of the geometry, such as 6480 for Dataset 2
     */
    public static CaloChallengeReader open(Path file, int expectedVoxels) {
        if (!Files.isRegularFile(file)) {
            throw new DatasetFormatException("challenge file " + file + " does not exist; give the path of an .hdf5 "
                    + "file with incident_energies and showers");
        }
        HdfFile hdf = openHdf(file);
        try {
            Dataset energies = dataset(hdf, file, CaloChallengeFiles.INCIDENT_ENERGIES);
            Dataset showers = dataset(hdf, file, CaloChallengeFiles.SHOWERS);
            int[] energyShape = energies.getDimensions();
            int[] showerShape = showers.getDimensions();
            if (energyShape.length != 2 || energyShape[1] != 1) {
                throw new DatasetFormatException(file + ": incident_energies has shape " + Arrays.toString(energyShape)
                        + ", expected (N, 1)");
            }
            if (showerShape.length != 2 || showerShape[1] != expectedVoxels) {
                throw new DatasetFormatException(file + ": showers has shape " + Arrays.toString(showerShape)
                        + ", expected (N, " + expectedVoxels + ") for this geometry");
            }
            if (showerShape[0] != energyShape[0]) {
                throw new DatasetFormatException(file + " has " + energyShape[0] + " incident energies but "
                        + showerShape[0] + " showers; both datasets need one row per shower");
            }
            if (showerShape[0] == 0) {
                throw new DatasetFormatException(file + " contains no showers");
            }
            requireFloatingPoint(file, energies);
            requireFloatingPoint(file, showers);
            return new CaloChallengeReader(file, hdf, showers, showerShape[0], expectedVoxels);
        } catch (RuntimeException e) {
            hdf.close();
            throw e instanceof DatasetFormatException format ? format : unreadable(file, e);
        }
    }

    public int showerCount() {
        return count;
    }

    public int voxels() {
        return voxels;
    }

    /** Reads every incident energy in MeV; they must be finite and positive. */
    public double[] incidentEnergiesMeV() {
        double[] values;
        try {
            values = toDoubles(dataset(hdf, file, CaloChallengeFiles.INCIDENT_ENERGIES).getDataFlat());
        } catch (RuntimeException e) {
            throw e instanceof DatasetFormatException format ? format : unreadable(file, e);
        }
        for (int i = 0; i < values.length; i++) {
            if (!(values[i] > 0) || !Double.isFinite(values[i])) {
                throw new DatasetFormatException(file + ": incident_energies[" + i + "] is " + values[i]
                        + " MeV; incident energies must be finite and positive");
            }
        }
        return values;
    }

    /**
     * Reads showers {@code first} to {@code first + length - 1} as float32, flat row-major.
     *
     * @throws DatasetFormatException when a value is not finite or the slice cannot be read
     */
    public float[] showers(int first, int length) {
        if (first < 0 || length < 0 || first + length > count) {
            throw new IllegalArgumentException("rows [" + first + ", " + (first + length) + ") are outside the file's "
                    + count + " showers");
        }
        float[] result = new float[length * voxels];
        if (length == 0) {
            return result;
        }
        Object rows;
        try {
            rows = showers.getData(new long[] {first, 0}, new int[] {length, voxels});
        } catch (RuntimeException e) {
            throw unreadable(file, e);
        }
        for (int i = 0; i < length; i++) {
            Object row = Array.get(rows, i);
            if (row instanceof double[] values) {
                for (int v = 0; v < voxels; v++) {
                    result[i * voxels + v] = (float) values[v];
                }
            } else {
                System.arraycopy((float[]) row, 0, result, i * voxels, voxels);
            }
        }
        requireFinite(result, first);
        return result;
    }

    @Override
    public void close() {
        hdf.close();
    }

    private void requireFinite(float[] values, int firstShower) {
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                throw new DatasetFormatException(file + ": showers[" + (firstShower + i / voxels) + ", " + (i % voxels)
                        + "] is " + values[i] + "; every voxel value must be finite");
            }
        }
    }

    private static HdfFile openHdf(Path file) {
        try {
            return new HdfFile(file);
        } catch (RuntimeException e) {
            throw unreadable(file, e);
        }
    }

    private static Dataset dataset(HdfFile hdf, Path file, String name) {
        Node node = hdf.getChild(name);
        if (!(node instanceof Dataset dataset)) {
            throw new DatasetFormatException(file + " has no dataset '" + name + "'; a challenge file needs "
                    + "incident_energies (N, 1) and showers (N, voxels)");
        }
        return dataset;
    }

    private static void requireFloatingPoint(Path file, Dataset dataset) {
        Class<?> type = dataset.getJavaType();
        if (type != double.class && type != float.class) {
            throw new DatasetFormatException(file + ": dataset '" + dataset.getName() + "' contains "
                    + type.getSimpleName() + " values; expected float64 or float32");
        }
    }

    private static double[] toDoubles(Object flat) {
        if (flat instanceof double[] values) {
            return values;
        }
        float[] values = (float[]) flat;
        double[] result = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = values[i];
        }
        return result;
    }

    // jhdf signals corrupt or truncated files with assorted unchecked exceptions (HdfException,
    // buffer underflows), so every runtime failure while parsing means "unreadable file" here.
    private static DatasetFormatException unreadable(Path file, RuntimeException cause) {
        return new DatasetFormatException(file + " is not a readable HDF5 file (" + cause.getMessage() + "); it may be "
                + "truncated or of another format, so download or write it again", cause);
    }
}
