package org.slatecheck.rules.election;

/**
 * Who votes, which decides the base: a members' congress (đại hội đảng viên), a delegates' congress (đại hội đại
 * biểu), or the committee at its first meeting.
 */
public enum VoterKind {
    MEMBERS, DELEGATES, COMMITTEE
}
