package org.twinfold.sim.cpm;

/**
 * Which copies feel the chemotaxis work term {@code dH = -mu (f(c(target)) - f(c(source)))} with
 * {@code f(c) = c / (1 + s c)}. Copies between two cells never do (contact inhibition).
 */
public enum ChemotaxisMode {
    /**
     * Only a cell extending into medium (source a cell, target medium), as in Merks et al. 2008, Eq. 4.
     */
    EXTENSION_ONLY,
    /**
     * A cell extending into medium, and a cell retracting when medium copies into one of its pixels,
     * with the same formula. This is CompuCell3D's chemotaxis with {@code ChemotactTowards="Medium"}
     * and the cross-framework benchmark specification of Kuecken et al.
     */
    EXTENSION_AND_RETRACTION
}
