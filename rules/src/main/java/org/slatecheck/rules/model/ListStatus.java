package org.slatecheck.rules.model;

/** A list is compliant when it has no NON_COMPLIANT finding. */
public enum ListStatus {
    COMPLIANT, NON_COMPLIANT
}
