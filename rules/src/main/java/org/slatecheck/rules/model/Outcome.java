package org.slatecheck.rules.model;

/** The one outcome each nominee gets (docs/specification.md section 1). */
public enum Outcome {
    ELIGIBLE, REVIEW, INELIGIBLE
}
