package org.twinfold.core.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinfold.core.ParameterPoint;
import org.twinfold.core.sweep.Sweep;
import org.twinfold.core.testkit.H5py;
import org.twinfold.core.testkit.NoisySineGenerator;

/** Opens a shard that twinfold wrote with h5py (Debian's python3-h5py, installed by .ci/run). */
class H5pyReadTest {
    private static final String SCRIPT = String.join("\n",
            "import sys, h5py",
            "f = h5py.File(sys.argv[1], 'r')",
            "s = f['signal']",
            "print(s.shape, s.dtype, s.attrs['unit'].decode(), f['mask'].attrs['dtype'].decode())",
            "print(f['parameters'].shape, f['parameters'].attrs['names'].decode(), f['seeds'].dtype)",
            "print(round(float(s[1, 0]), 6))");

    // Replaces the uint8 'mask' dataset by numpy's unsigned bytes, as a scientist's own h5py script
    // writes them, and records the shard's new hash in the manifest.
    private static final String REWRITE_AS_UINT8 = String.join("\n",
            "import hashlib, json, sys, h5py, numpy",
            "folder = sys.argv[1]",
            "with h5py.File(folder + '/shard-00000.h5', 'r+') as f:",
            "    values = f['mask'][...].astype(numpy.uint8)",
            "    del f['mask']",
            "    f.create_dataset('mask', data=values)",
            "manifest = json.load(open(folder + '/manifest.json'))",
            "manifest['shards'][0]['sha256'] = hashlib.sha256(open(folder + '/shard-00000.h5', 'rb').read()).hexdigest()",
            "json.dump(manifest, open(folder + '/manifest.json', 'w'))",
            "print(values.dtype)");

    @TempDir
    Path temp;

    /** Writes three noisy sine samples into a new dataset folder. */
    private Path writeSineDataset() throws Exception {
        Path folder = temp.resolve("data");
        Sweep.builder().generator(new NoisySineGenerator())
                .points(List.of(ParameterPoint.of(0.5), ParameterPoint.of(1.0), ParameterPoint.of(1.5)))
                .seed(5).build().run(folder);
        return folder;
    }

    @Test
    void h5pyReadsShapesTypesAndValues() throws Exception {
        Path folder = writeSineDataset();
        float expected = Dataset.open(folder).readAll().floats("signal")[8];

        String output = H5py.run(SCRIPT, folder.resolve("shard-00000.h5").toString());

        String[] lines = output.strip().split("\n");
        assertEquals("(3, 8) float32 1 uint8", lines[0]);
        assertEquals("(3, 1) frequency int64", lines[1]);
        assertEquals(expected, Float.parseFloat(lines[2]), 1e-6);
    }

    @Test
    void readsH5pyUnsignedBytes() throws Exception {
        Path folder = writeSineDataset();
        byte[] written = Dataset.open(folder).readAll().bytes("mask");

        assertEquals("uint8", H5py.run(REWRITE_AS_UINT8, folder.toString()).strip());

        assertArrayEquals(written, Dataset.open(folder).readAll().bytes("mask"));
    }
}
