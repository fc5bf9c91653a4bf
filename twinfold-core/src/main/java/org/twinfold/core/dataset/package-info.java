/**
 * Datasets on disk: a folder of HDF5 shards, readable by h5py, with a JSON manifest that records the
 * schema, the generator, every parameter point and seed, per-sample wall times and provenance.
 */
package org.twinfold.core.dataset;
