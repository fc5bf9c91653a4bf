package org.twinfold.sim.calo;

import java.util.Arrays;
import java.util.Locale;
import org.twinfold.core.Parameter;
import org.twinfold.core.ParameterPoint;
import org.twinfold.core.ParameterSpace;
import org.twinfold.core.Sampling;

/**
 * Incident energies of a calorimeter simulator and the sampling that draws them: one fixed energy,
 * a list of energies (drawn in turn as classes), or a log-uniform range. The default is the
 * challenge's log-uniform 1 GeV to 1 TeV.
 *
 * @param kind fixed, list or log-uniform
 * @param energiesMeV the fixed energy, the list, or the range's {min, max}, in MeV
 */
public record IncidentEnergies(Kind kind, double[] energiesMeV) {
    /** Parameter name of the incident energy in every calorimeter schema and dataset. */
    public static final String PARAMETER = "incident_energy";
    /** Lowest energy that the simulator accepts, in MeV (GFlash is fitted from about 1 GeV). */
    public static final double MIN_MEV = 100.0;

    /** Form of the energy specification. */
    public enum Kind { FIXED, LIST, LOG_UNIFORM }

    public IncidentEnergies {
        energiesMeV = energiesMeV.clone();
        int expected = switch (kind) {
            case FIXED -> 1;
            case LOG_UNIFORM -> 2;
            case LIST -> Math.max(1, energiesMeV.length);
        };
        if (energiesMeV.length != expected) {
            throw new IllegalArgumentException(kind + " incident energies need " + expected + " value(s), got "
                    + Arrays.toString(energiesMeV));
        }
        for (double energy : energiesMeV) {
            if (!(energy >= MIN_MEV) || !Double.isFinite(energy)) {
                throw new IllegalArgumentException("incident energy " + energy + " MeV is invalid; use finite energies "
                        + "of at least " + MIN_MEV + " MeV");
            }
        }
        if (kind == Kind.LOG_UNIFORM && energiesMeV[0] >= energiesMeV[1]) {
            throw new IllegalArgumentException("log-uniform energy range [" + energiesMeV[0] + ", " + energiesMeV[1]
                    + "] MeV is empty; give min < max, or a fixed energy");
        }
    }

    /** Returns the challenge's spectrum: log-uniform from 1 GeV to 1 TeV. */
    public static IncidentEnergies challenge() {
        return logUniform(1e3, 1e6);
    }

    public static IncidentEnergies fixed(double energyMeV) {
        return new IncidentEnergies(Kind.FIXED, new double[] {energyMeV});
    }

    public static IncidentEnergies list(double... energiesMeV) {
        return new IncidentEnergies(Kind.LIST, energiesMeV);
    }

    public static IncidentEnergies logUniform(double minMeV, double maxMeV) {
        return new IncidentEnergies(Kind.LOG_UNIFORM, new double[] {minMeV, maxMeV});
    }

    @Override
    public double[] energiesMeV() {
        return energiesMeV.clone();
    }

    /**
     * Returns the parameter space: {@code incident_energy} over [min, max] of the energies, with
     * each listed energy as a class point for {@link Sampling#CLASSES}.
     */
    public ParameterSpace parameterSpace() {
        double min = Arrays.stream(energiesMeV).min().orElseThrow();
        double max = Arrays.stream(energiesMeV).max().orElseThrow();
        ParameterSpace space = ParameterSpace.of(new Parameter(PARAMETER, min, max, "MeV",
                "kinetic energy of the electron entering the calorimeter"));
        if (kind == Kind.LIST) {
            return space.withClasses(Arrays.stream(energiesMeV).mapToObj(ParameterPoint::of).toList());
        }
        return space;
    }

    /** Returns the sampling that draws these energies: uniform over the one-point range for fixed, classes for a list. */
    public Sampling sampling() {
        return switch (kind) {
            case FIXED -> Sampling.UNIFORM;
            case LIST -> Sampling.CLASSES;
            case LOG_UNIFORM -> Sampling.LOG_UNIFORM;
        };
    }

    /**
     * Parses {@code fixed:E}, {@code list:E1,E2,...} or {@code log-uniform:MIN,MAX}, energies in MeV.
     *
     * @throws IllegalArgumentException naming the text and the accepted forms
     */
    public static IncidentEnergies parse(String text) {
        String[] parts = text.split(":", 2);
        if (parts.length != 2) {
            throw new IllegalArgumentException("incident energies '" + text + "' are invalid; use fixed:E, "
                    + "list:E1,E2,... or log-uniform:MIN,MAX with energies in MeV");
        }
        double[] values;
        try {
            values = Arrays.stream(parts[1].split(",")).map(String::strip).mapToDouble(Double::parseDouble).toArray();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("incident energies '" + text + "' contain a value that is not a number; "
                    + "give energies in MeV such as log-uniform:1e3,1e6");
        }
        return switch (parts[0].strip().toLowerCase(Locale.ROOT)) {
            case "fixed" -> new IncidentEnergies(Kind.FIXED, values);
            case "list" -> new IncidentEnergies(Kind.LIST, values);
            case "log-uniform" -> new IncidentEnergies(Kind.LOG_UNIFORM, values);
            default -> throw new IllegalArgumentException("incident energy kind '" + parts[0] + "' is unknown; use "
                    + "fixed, list or log-uniform");
        };
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IncidentEnergies that && kind == that.kind
                && Arrays.equals(energiesMeV, that.energiesMeV);
    }

    @Override
    public int hashCode() {
        return 31 * kind.hashCode() + Arrays.hashCode(energiesMeV);
    }

    @Override
    public String toString() {
        String name = kind == Kind.LOG_UNIFORM ? "log-uniform" : kind.name().toLowerCase(Locale.ROOT);
        StringBuilder text = new StringBuilder(name).append(':');
        for (int i = 0; i < energiesMeV.length; i++) {
            text.append(i == 0 ? "" : ",").append(energiesMeV[i]);
        }
        return text.toString();
    }
}
