package org.twinfold.cli;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.twinfold.core.SampleBatch;
import org.twinfold.core.Task;
import org.twinfold.core.dataset.AtomicFiles;
import org.twinfold.core.dataset.Dataset;

/** Writes PNG pictures of a dataset's first samples, for tasks whose samples have a picture. */
final class Previews {

    private Previews() {
    }

    /** Writes up to {@code count} previews as {@code sample-NNNNN.png} and returns how many were written. */
    static int write(Task task, Dataset dataset, int count, Path folder) throws IOException {
        if (count < 0) {
            throw new IllegalArgumentException("--previews is " + count + "; use 0 or a positive count");
        }
        if (count == 0) {
            return 0;
        }
        SampleBatch first = dataset.readShard(0);
        int written = 0;
        for (int i = 0; i < Math.min(count, first.size()); i++) {
            Optional<BufferedImage> image = task.preview(first, i);
            if (image.isEmpty()) {
                return written;
            }
            Files.createDirectories(folder);
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(image.get(), "png", png);
            AtomicFiles.write(folder.resolve(String.format("sample-%05d.png", i)), png.toByteArray());
            written++;
        }
        return written;
    }
}
