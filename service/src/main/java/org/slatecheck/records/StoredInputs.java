package org.slatecheck.records;

/** The input files of a stored check, as uploaded, for reproducing it. */
public record StoredInputs(String congressesFile, byte[] congresses, String nomineesFile, byte[] nominees) {
}
