package org.slatecheck.rules.model;

/** What the nominee list is: a personnel plan, an election list or an inspection-commission list. */
public enum ListKind {
    PERSONNEL_PLAN, ELECTION_LIST, INSPECTION_LIST
}
