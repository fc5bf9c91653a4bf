package org.twinfold.sim.cpm;

/**
 * Cell types of the vasculogenesis model. The code is the value stored in the {@code cell_type}
 * mask and the index into the contact-energy matrix.
 */
public enum CellType {
    /** The extracellular medium; cell id 0, no volume or surface constraint. */
    MEDIUM(0),
    /** An endothelial cell (EC). */
    ENDOTHELIAL(1);

    /** Number of cell types, the size of each axis of the contact-energy matrix. */
    public static final int COUNT = 2;

    private final int code;

    CellType(int code) {
        this.code = code;
    }

    /** Returns the value of this type in the {@code cell_type} mask. */
    public int code() {
        return code;
    }

    /** Returns the type with this mask value, or throws naming the valid values. */
    public static CellType fromCode(int code) {
        for (CellType type : values()) {
            if (type.code == code) {
                return type;
            }
        }
        throw new IllegalArgumentException("cell type code " + code + " is invalid; expected 0 (medium) or 1"
                + " (endothelial)");
    }
}
