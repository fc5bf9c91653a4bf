/** Provenance records saved beside every dataset and checkpoint. */
package org.twinfold.core.provenance;
