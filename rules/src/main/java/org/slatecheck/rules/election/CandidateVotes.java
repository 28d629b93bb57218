package org.slatecheck.rules.election;

/** One candidate of the ballot and the votes the counting board counted for them. */
public final class CandidateVotes {
    private final String candidateId;
    private final String name;
    private final int votes;

    public CandidateVotes(String candidateId, String name, int votes) {
        this.candidateId = candidateId;
        this.name = name;
        this.votes = votes;
    }

    public String getCandidateId() { return candidateId; }
    public String getName() { return name; }
    public int getVotes() { return votes; }
}
