package org.twinfold.cli;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Node;
import io.jhdf.exceptions.HdfException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.twinfold.core.dataset.FieldEntry;
import org.twinfold.core.dataset.Hdf5Types;
import org.twinfold.core.dataset.Json;
import org.twinfold.core.dataset.Manifest;
import org.twinfold.core.dataset.ManifestFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Prints what a dataset folder, a checkpoint folder or an HDF5 file contains, with its provenance. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Print a dataset's or checkpoint's manifest and provenance, or the datasets inside an HDF5 file.")
final class InspectCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "PATH",
            description = "A dataset folder (with manifest.json), a checkpoint folder, or an .h5 file.")
    Path path;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (!Files.exists(path)) {
            throw new InvalidInputException(path + " does not exist; give a dataset folder, a checkpoint folder or "
                    + "an .h5 file");
        }
        if (Files.isRegularFile(path)) {
            printHdf5(out, path);
        } else if (Files.exists(path.resolve(ManifestFiles.FILE_NAME))) {
            printDataset(out, ManifestFiles.read(path));
        } else if (CheckpointInfo.isCheckpoint(path)) {
            CheckpointInfo.print(out, path);
        } else {
            throw new InvalidInputException(path + " is neither a dataset folder (no manifest.json) nor a checkpoint "
                    + "folder; give the folder that 'twinfold simulate' or 'twinfold train' wrote");
        }
        out.flush();
        return ExitCode.SUCCESS;
    }

    private static void printDataset(PrintWriter out, Manifest manifest) throws Exception {
        out.printf("dataset of task '%s', generator %s %s%n", manifest.task(), manifest.generator().id(),
                manifest.generator().version());
        out.printf("format version %d, %d samples in %d %s (%d complete)%s%n", manifest.formatVersion(),
                manifest.sampleCount(), manifest.shardCount(), manifest.shardCount() == 1 ? "shard" : "shards",
                manifest.shards().size(),
                manifest.complete() ? "" : ", INCOMPLETE");
        out.println("fields:");
        for (FieldEntry field : manifest.fields()) {
            out.printf("  %-14s %-8s %-14s %-9s  %s%n", field.name(), field.dtype(), field.shape(), field.unit(),
                    field.description());
        }
        out.println("parameters:");
        manifest.parameters().forEach(p -> out.printf("  %-14s [%g, %g] %s  %s%n", p.name(), p.min(), p.max(),
                p.unit(), p.description()));
        double[] wall = manifest.wallSeconds();
        double mean = Arrays.stream(wall).average().orElse(Double.NaN);
        out.printf("wall seconds per sample: mean %.4g over the complete shards%n", mean);
        out.println("provenance:");
        out.println(Json.mapper().writeValueAsString(manifest.provenance()));
    }

    /** Returns the element type's name: Java's, except "uint8" for the unsigned bytes that h5py writes. */
    private static String typeName(Dataset dataset) {
        if (Hdf5Types.isUnsignedByte(dataset)) {
            return "uint8";
        }
        return dataset.getJavaType().getSimpleName();
    }

    private static void printHdf5(PrintWriter out, Path file) {
        try (HdfFile hdf = new HdfFile(file)) {
            out.printf("HDF5 file %s%n", file);
            hdf.getAttributes().forEach((name, attribute) -> out.printf("  @%s = %s%n", name, attribute.getData()));
            for (Node node : hdf) {
                if (node instanceof Dataset dataset) {
                    out.printf("  %-16s %-8s %s%n", dataset.getName(), typeName(dataset),
                            Arrays.toString(dataset.getDimensions()));
                    dataset.getAttributes().forEach((name, attribute) ->
                            out.printf("      @%s = %s%n", name, attribute.getData()));
                } else {
                    out.printf("  %-16s %s%n", node.getName(), node.getType());
                }
            }
        } catch (HdfException e) {
            throw new InvalidInputException(file + " is not a readable HDF5 file (" + e.getMessage() + "); it may be "
                    + "truncated or of another format");
        }
    }
}
