package org.twinfold.cli.operator;

import java.nio.file.Path;
import org.twinfold.core.dataset.Dataset;
import org.twinfold.core.dataset.Manifest;

/**
 * A dataset as the report cites it.
 *
 * @param path its folder, absolute, so that the report names it wherever it is read
 * @param samples trajectories in it
 * @param generator generator id and version
 * @param manifestSha256 SHA-256 of its manifest, which pins its content
 * @param wallSeconds total simulation wall time of its trajectories, in seconds
 */
record DatasetInfo(String path, int samples, String generator, String manifestSha256, double wallSeconds) {

    static DatasetInfo of(Path folder, Manifest manifest) {
        double seconds = 0;
        for (double value : manifest.wallSeconds()) {
            seconds += value;
        }
        return new DatasetInfo(folder.toAbsolutePath().normalize().toString(), manifest.sampleCount(),
                manifest.generator().id() + " " + manifest.generator().version(),
                Dataset.open(folder).manifestSha256(), seconds);
    }
}
