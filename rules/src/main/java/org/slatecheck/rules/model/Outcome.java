package org.slatecheck.rules.model;

/** The one outcome each nominee gets (RULES.md section 1). */
public enum Outcome {
    ELIGIBLE, REVIEW, INELIGIBLE
}
