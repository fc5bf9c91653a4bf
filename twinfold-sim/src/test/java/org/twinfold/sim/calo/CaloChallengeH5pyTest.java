package org.twinfold.sim.calo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinfold.core.ParameterPoint;

/** Checks challenge files against h5py (Debian's python3-h5py, installed by .ci/run), in both directions. */
class CaloChallengeH5pyTest {
    private static final String READ = String.join("\n",
            "import sys, h5py",
            "f = h5py.File(sys.argv[1], 'r')",
            "e, s = f['incident_energies'], f['showers']",
            "print(e.shape, e.dtype, s.shape, s.dtype, s.compression)",
            "print(repr(float(e[1, 0])), repr(float(s[1].sum())))",
            "print(s[1].reshape(45, 16, 9).sum(axis=(1, 2)).argmax())");
    private static final String WRITE_FLOAT64 = String.join("\n",
            "import sys, h5py, numpy as np",
            "s = np.zeros((3, 6480)); s[2, 144 * 7 + 9 * 3 + 1] = 42.5",
            "with h5py.File(sys.argv[1], 'w') as f:",
            "    f.create_dataset('incident_energies', data=np.array([[1e3], [1e4], [1e5]]), compression='gzip')",
            "    f.create_dataset('showers', data=s, compression='gzip')");

    @TempDir
    Path temp;

    private static String python(String script, Path file) throws Exception {
        Process process = new ProcessBuilder("/usr/bin/python3", "-c", script, file.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(60, TimeUnit.SECONDS);
        assertEquals(0, process.exitValue(), "python3 with h5py failed (is python3-h5py installed?):\n" + output);
        return output.strip();
    }

    @Test
    void h5pyReadsWrittenFile() throws Exception {
        double[] energies = {2e3, 5e4};
        float[] showers = CaloShowerGenerator.builder().build()
                .generate(List.of(ParameterPoint.of(2e3), ParameterPoint.of(5e4)), new long[] {8, 9}).floats("showers");
        Path file = temp.resolve("challenge.hdf5");
        CaloChallengeFiles.write(file, energies, showers, 6480);

        String[] lines = python(READ, file).split("\n");
        assertEquals("(2, 1) float32 (2, 6480) float32 gzip", lines[0]);
        String[] values = lines[1].split(" ");
        assertEquals(5e4, Double.parseDouble(values[0]), 0.0);
        double sum = 0;
        for (int v = 6480; v < 2 * 6480; v++) {
            sum += showers[v];
        }
        assertEquals(sum, Double.parseDouble(values[1]), 1e-4 * sum);
        int peak = Integer.parseInt(lines[2]);
        assertEquals(8, peak, 2, "peak layer of a 50 GeV shower read as (45, 16, 9)");
    }

    @Test
    void readsH5pyFloat64File() throws Exception {
        Path file = temp.resolve("float64.hdf5");
        python(WRITE_FLOAT64, file);

        try (CaloChallengeReader reader = CaloChallengeReader.open(file, 6480)) {
            assertArrayEquals(new double[] {1e3, 1e4, 1e5}, reader.incidentEnergiesMeV());
            float[] showers = reader.showers(2, 1);
            assertEquals(42.5f, showers[CalorimeterGeometry.dataset2().index(7, 3, 1)]);
        }
    }
}
