package org.slatecheck.rules.engine;

import org.slatecheck.rules.model.Nominee;

/** Derived fact: a field that {@code neededBy} needs is empty for {@code nominee} (leads to DAT-001). */
public final class MissingField {
    private final Nominee nominee;
    private final String field;
    private final String neededBy;

    public MissingField(Nominee nominee, String field, String neededBy) {
        this.nominee = nominee;
        this.field = field;
        this.neededBy = neededBy;
    }

    public Nominee getNominee() { return nominee; }
    public String getField() { return field; }
    public String getNeededBy() { return neededBy; }
}
