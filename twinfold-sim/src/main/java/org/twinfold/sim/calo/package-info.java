/**
 * Electromagnetic showers in a voxelised calorimeter, in the layout of CaloChallenge 2022 Dataset 2
 * (45 layers x 16 angular x 9 radial bins, 6,480 voxels, MeV): the geometry read from the challenge's
 * binning XML, a GFlash-style shower Monte Carlo in place of Geant4, the challenge's HDF5
 * files, its high-level features, and the {@code calorimeter} task.
 */
package org.twinfold.sim.calo;
