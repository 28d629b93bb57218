package org.slatecheck.rules.engine;

import org.slatecheck.rules.model.Nominee;

/** Derived fact: two nominees of one congress are close family (either lists the other); held in both directions. */
public final class IsFamilyOf {
    private final Nominee person;
    private final Nominee relative;

    public IsFamilyOf(Nominee person, Nominee relative) {
        this.person = person;
        this.relative = relative;
    }

    public Nominee getPerson() { return person; }
    public Nominee getRelative() { return relative; }
}
