package org.twinfold.sim.calo;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.DatasetCreationOptions;
import io.jhdf.api.WritableDataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.twinfold.core.dataset.AtomicFiles;

/**
 * Writes showers in the CaloChallenge 2022 HDF5 layout: {@code incident_energies} float32 (N, 1)
 * and {@code showers} float32 (N, voxels), both in MeV and gzip (deflate) compressed, readable by
 * h5py and by the challenge's evaluation code. {@link CaloChallengeReader} reads them back, and
 * also the challenge's own float64 files.
 *
 * <p>Note: jhdf writes a whole dataset at once, so {@link #write} needs every shower in memory
 * (100,000 Dataset 2 showers take 2.6 GB as float32).
 */
public final class CaloChallengeFiles {
    /** Name of the incident energy dataset, shape (N, 1), MeV. */
    public static final String INCIDENT_ENERGIES = "incident_energies";
    /** Name of the shower dataset, shape (N, voxels), MeV. */
    public static final String SHOWERS = "showers";
    /** Showers per compressed chunk: 64 Dataset 2 showers are 1.6 MB before compression. */
    static final int CHUNK_SHOWERS = 64;
    /** Deflate level, as h5py's default for {@code compression="gzip"}. */
    static final int DEFLATE_LEVEL = 4;

    private CaloChallengeFiles() {
    }

    /**
     * Writes a challenge file through a temporary file renamed when complete, so a failed write
     * leaves no file under the target name.
     *
     * @param target the .hdf5 file to write; replaced if it exists
     * @param incidentEnergiesMeV one incident energy per shower, in MeV
     * @param showers flat row-major (N, voxels) voxel energies in MeV
     * @param voxels voxels per shower
     * @throws IllegalArgumentException when the array lengths do not match or a value is not finite
     */
    public static void write(Path target, double[] incidentEnergiesMeV, float[] showers, int voxels)
            throws IOException {
        int count = incidentEnergiesMeV.length;
        if (count == 0 || voxels <= 0 || (long) count * voxels != showers.length) {
            throw new IllegalArgumentException("a challenge file needs at least one shower and " + voxels
                    + " voxels per shower; got " + count + " incident energies and " + showers.length + " voxel values");
        }
        for (int i = 0; i < count; i++) {
            if (!(incidentEnergiesMeV[i] > 0) || !Double.isFinite(incidentEnergiesMeV[i])) {
                throw new IllegalArgumentException("incident energy " + i + " is " + incidentEnergiesMeV[i]
                        + " MeV; it must be finite and positive");
            }
        }
        for (int i = 0; i < showers.length; i++) {
            if (!Float.isFinite(showers[i])) {
                throw new IllegalArgumentException("shower " + i / voxels + ", voxel " + i % voxels + " is " + showers[i]
                        + "; every voxel value must be finite");
            }
        }

        float[][] energies = new float[count][1];
        for (int i = 0; i < count; i++) {
            energies[i][0] = (float) incidentEnergiesMeV[i];
        }
        float[][] rows = new float[count][voxels];
        for (int i = 0; i < count; i++) {
            System.arraycopy(showers, i * voxels, rows[i], 0, voxels);
        }

        Path temporary = AtomicFiles.temporaryFor(target);
        try {
            try (WritableHdfFile hdf = HdfFile.write(temporary)) {
                WritableDataset energyDataset = hdf.putDataset(INCIDENT_ENERGIES, energies, options(count, 1));
                energyDataset.putAttribute("unit", "MeV");
                WritableDataset showerDataset = hdf.putDataset(SHOWERS, rows, options(Math.min(count, CHUNK_SHOWERS),
                        voxels));
                showerDataset.putAttribute("unit", "MeV");
            }
            AtomicFiles.move(temporary, target);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
    }

    private static DatasetCreationOptions options(int chunkRows, int columns) {
        return DatasetCreationOptions.builder().chunkDimensions(chunkRows, columns).deflate(DEFLATE_LEVEL).build();
    }
}
