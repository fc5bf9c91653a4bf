package org.twinfold.ml.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A folder of checkpoints, one sub-folder per saved step, named {@code step-000000001000}. Each
 * checkpoint is written into a temporary sibling folder ({@code .tmp-step-...}) and renamed when
 * complete, so a folder with the final name is always complete; a run killed while writing leaves only
 * a temporary folder, which the next {@link #write} removes. Only the newest {@code keep} are kept.
 *
 * <p>Not safe for two processes writing into one folder.
 */
public final class CheckpointStore {
    private static final String PREFIX = "step-";
    private static final String TEMPORARY_PREFIX = ".tmp-";
    private static final Pattern NAME = Pattern.compile("step-(\\d{12})");
    private static final Logger LOG = LoggerFactory.getLogger(CheckpointStore.class);

    private final Path root;
    private final int keep;

    /** Writes the files of one checkpoint into an empty folder. */
    @FunctionalInterface
    public interface Contents {
        void writeTo(Path folder) throws IOException;
    }

    /**
     * @param root folder that contains the checkpoints; created when missing
     * @param keep how many newest checkpoints to keep, at least 1
     */
    public CheckpointStore(Path root, int keep) {
        if (keep < 1) {
            throw new IllegalArgumentException("keep is " + keep + "; at least one checkpoint must be kept");
        }
        this.root = root;
        this.keep = keep;
    }

    public Path root() {
        return root;
    }

    /**
     * Writes the checkpoint of {@code step} atomically, then deletes all but the newest {@code keep}.
     *
     * @return the complete checkpoint folder
     */
    public Path write(long step, Contents contents) throws IOException {
        Files.createDirectories(root);
        removeTemporaryFolders();

        String name = folderName(step);
        Path temporary = root.resolve(TEMPORARY_PREFIX + name);
        Files.createDirectory(temporary);
        contents.writeTo(temporary);

        Path target = root.resolve(name);
        if (Files.exists(target)) {
            deleteRecursively(target);
        }
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot rename " + temporary + " to " + target + " atomically; keep checkpoints"
                    + " on a local file system that supports atomic renames", e);
        }
        prune();
        return target;
    }

    /** Returns the newest complete checkpoint in this store's folder. */
    public Optional<Path> latest() {
        return latest(root);
    }

    /** Returns the newest complete checkpoint in {@code root}; empty when there is none or no folder. */
    public static Optional<Path> latest(Path root) {
        List<Path> all = complete(root);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** Returns the complete checkpoints in {@code root}, oldest first. */
    public static List<Path> complete(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<Path> found = new ArrayList<>();
        try (Stream<Path> children = Files.list(root)) {
            children.filter(path -> NAME.matcher(path.getFileName().toString()).matches())
                    .filter(path -> Files.isRegularFile(path.resolve(CheckpointFiles.STATE)))
                    .forEach(found::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list checkpoints in " + root, e);
        }
        found.sort(Comparator.comparingLong(CheckpointStore::stepOf));
        return found;
    }

    /** Returns the step encoded in a checkpoint folder's name. */
    public static long stepOf(Path folder) {
        Matcher matcher = NAME.matcher(folder.getFileName().toString());
        if (!matcher.matches()) {
            throw new IllegalArgumentException(folder + " is not a checkpoint folder; names look like step-000000001000");
        }
        return Long.parseLong(matcher.group(1));
    }

    static String folderName(long step) {
        return PREFIX + String.format("%012d", step);
    }

    private void prune() throws IOException {
        List<Path> all = complete(root);
        for (int i = 0; i < all.size() - keep; i++) {
            LOG.debug("deleting old checkpoint {}", all.get(i));
            deleteRecursively(all.get(i));
        }
    }

    private void removeTemporaryFolders() throws IOException {
        List<Path> leftovers;
        try (Stream<Path> children = Files.list(root)) {
            leftovers = children.filter(path -> path.getFileName().toString().startsWith(TEMPORARY_PREFIX)).toList();
        }
        for (Path leftover : leftovers) {
            LOG.warn("removing incomplete checkpoint {} left by an interrupted run", leftover);
            deleteRecursively(leftover);
        }
    }

    private static void deleteRecursively(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
