package org.slatecheck.rules.intake;

import java.util.List;

import org.slatecheck.rules.model.Congress;
import org.slatecheck.rules.model.Nominee;

/** A congress and its nominee list, in the order of the nominees file. */
public record CongressList(Congress congress, List<Nominee> nominees) {
    public CongressList {
        nominees = List.copyOf(nominees);
    }
}
