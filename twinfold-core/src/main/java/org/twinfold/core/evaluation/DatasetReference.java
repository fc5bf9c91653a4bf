package org.twinfold.core.evaluation;

import org.twinfold.core.GeneratorInfo;
import org.twinfold.core.dataset.Dataset;

/**
 * A dataset as an evaluation names it: where it was and which manifest it had.
 *
 * @param path dataset folder as given on the command line
 * @param manifestSha256 SHA-256 of its manifest, which identifies the data
 * @param samples number of samples
 * @param generator generator id and version, followed by its sampler settings and guide model for a
 *     generator that records them (a diffusion surrogate), because the same checkpoint gives other data
 *     with another sampler or guide
 */
public record DatasetReference(String path, String manifestSha256, int samples, String generator) {

    public static DatasetReference of(Dataset dataset) {
        GeneratorInfo info = dataset.manifest().generator();
        String sampler = info.settings().get("sampler");
        String guide = info.settings().get("guide");
        String generator = info.id() + " " + info.version() + (sampler == null ? "" : ", sampler " + sampler)
                + (guide == null ? "" : ", guide model " + guide);
        return new DatasetReference(dataset.folder().toAbsolutePath().normalize().toString(), dataset.manifestSha256(),
                dataset.size(), generator);
    }
}
