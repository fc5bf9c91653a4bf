package org.twinfold.core.evaluation;

import org.twinfold.core.dataset.Dataset;

/**
 * A dataset as an evaluation names it: where it was and which manifest it had.
 *
 * @param path dataset folder as given on the command line
 * @param manifestSha256 SHA-256 of its manifest, which identifies the data
 * @param samples number of samples
 * @param generator generator id and version
 */
public record DatasetReference(String path, String manifestSha256, int samples, String generator) {

    public static DatasetReference of(Dataset dataset) {
        return new DatasetReference(dataset.folder().toAbsolutePath().normalize().toString(), dataset.manifestSha256(), dataset.size(),
                dataset.manifest().generator().id() + " " + dataset.manifest().generator().version());
    }
}
