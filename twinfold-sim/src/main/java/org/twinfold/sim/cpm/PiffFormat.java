package org.twinfold.sim.cpm;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads and writes cell configurations in CompuCell3D's PIFF text format, so a run can start from a
 * saved state (such as the {@code MCS_10000.piff} reference state of the CompuCell3D model). Each line
 * is {@code id type x1 x2 y1 y2 z1 z2} and sets the box [x1, x2] x [y1, y2] (inclusive) of cell
 * {@code id}; only z = 0 is accepted. Type {@code Medium} is skipped, {@code EC} (any case) is
 * endothelial, and other types are rejected. Cell ids are renumbered 1, 2, ... in order of first
 * appearance.
 */
public final class PiffFormat {

    private PiffFormat() {
    }

    /** Reads a PIFF configuration onto a {@code width x height} lattice. */
    public static CellLattice read(BufferedReader reader, int width, int height) throws IOException {
        int[] ids = new int[width * height];
        Map<Long, Integer> renumbered = new LinkedHashMap<>();
        String line;
        int lineNumber = 0;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            String trimmed = line.trim();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] parts = trimmed.split("\\s+");
            if (parts.length != 8) {
                throw new IOException("PIFF line " + lineNumber + " has " + parts.length + " fields; expected 8:"
                        + " id type x1 x2 y1 y2 z1 z2");
            }
            String type = parts[1];
            if (type.equalsIgnoreCase("Medium")) {
                continue;
            }
            if (!type.equalsIgnoreCase("EC")) {
                throw new IOException("PIFF line " + lineNumber + " has cell type '" + type + "'; only Medium and EC"
                        + " are supported");
            }
            int[] box = new int[6];
            try {
                for (int i = 0; i < 6; i++) {
                    box[i] = Integer.parseInt(parts[i + 2]);
                }
                long original = Long.parseLong(parts[0]);
                int id = renumbered.computeIfAbsent(original, key -> renumbered.size() + 1);
                fillBox(ids, width, height, box, id, lineNumber);
            } catch (NumberFormatException e) {
                throw new IOException("PIFF line " + lineNumber + " has a non-integer id or coordinate: " + trimmed, e);
            }
        }
        byte[] types = new byte[renumbered.size() + 1];
        java.util.Arrays.fill(types, 1, types.length, (byte) CellType.ENDOTHELIAL.code());
        return CellLattice.of(width, height, ids, types);
    }

    private static void fillBox(int[] ids, int width, int height, int[] box, int id, int lineNumber)
            throws IOException {
        if (box[0] < 0 || box[1] >= width || box[2] < 0 || box[3] >= height || box[0] > box[1] || box[2] > box[3]
                || box[4] != 0 || box[5] != 0) {
            throw new IOException("PIFF line " + lineNumber + " has box x " + box[0] + ".." + box[1] + ", y " + box[2]
                    + ".." + box[3] + ", z " + box[4] + ".." + box[5] + "; it must lie in x 0.." + (width - 1)
                    + ", y 0.." + (height - 1) + ", z 0");
        }
        for (int y = box[2]; y <= box[3]; y++) {
            for (int x = box[0]; x <= box[1]; x++) {
                ids[y * width + x] = id;
            }
        }
    }

    /**
     * Writes every cell pixel as a one-pixel box, cell by cell in id order, and skips the medium.
     * Reading the file back gives the same ids unless some id has no pixels left.
     */
    public static void write(CellLattice lattice, Writer writer) throws IOException {
        int[] sigma = lattice.sigma;
        int[] start = new int[lattice.cellType.length + 1];
        for (int id : sigma) {
            start[id + 1]++;
        }
        for (int id = 0; id < lattice.cellType.length; id++) {
            start[id + 1] += start[id];
        }
        int[] sitesById = new int[sigma.length];
        int[] fill = start.clone();
        for (int site = 0; site < sigma.length; site++) {
            sitesById[fill[sigma[site]]++] = site;
        }
        for (int i = start[1]; i < sigma.length; i++) {
            int site = sitesById[i];
            int x = site % lattice.width;
            int y = site / lattice.width;
            writer.write(String.format(Locale.ROOT, "%d EC %d %d %d %d 0 0%n", sigma[site], x, x, y, y));
        }
    }
}
