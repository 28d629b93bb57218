package org.slatecheck.rules.model;

/** Severity of a finding: the first three are for nominees, the last two for lists. */
public enum Severity {
    INELIGIBLE, REVIEW, NOTICE, NON_COMPLIANT, ADVISORY;

    public boolean isListSeverity() {
        return this == NON_COMPLIANT || this == ADVISORY;
    }
}
