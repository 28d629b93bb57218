package org.slatecheck.rules.model;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * One nominee row (docs/specification.md section 2.2), already parsed and validated. Optional fields are null when the cell was
 * empty, except where docs/specification.md gives a default: empty discipline form is NONE, empty pending is false, empty
 * complaints is 0. Immutable; built with {@link #builder()}.
 */
public final class Nominee {
    private final String congressId;
    private final String nomineeId;
    private final String fullName;
    private final Sex sex;
    private final LocalDate birthDate;
    private final String ethnicity;
    private final String hometownProvince;
    private final Membership membership;
    private final LocalDate partyJoinDate;
    private final boolean incumbent;
    private final Set<Post> currentPosts;
    private final Set<Post> proposedPosts;
    private final Integer consecutiveTerms;
    private final PoliticalTheory politicalTheory;
    private final Education education;
    private final DisciplineForm disciplineForm;
    private final LocalDate disciplineDate;
    private final boolean disciplinePending;
    private final Conclusion politicalConclusion;
    private final LocalDate politicalConclusionDate;
    private final Map<Integer, Rating> qualityRatings;
    private final int unresolvedComplaints;
    private final Boolean assetDeclaration;
    private final Boolean healthOk;
    private final Set<String> relatives;
    private final YearMonth retirementMonthOverride;
    private final LocalDate partyJoinLastDay;
    private final LocalDate disciplineFirstDay;
    private final Set<Post> plannedPosts;
    private final java.math.BigDecimal lowConfidenceShare;
    private final int highestProposedRank;
    private final int highestCurrentRank;

    private Nominee(Builder b) {
        this.congressId = b.congressId;
        this.nomineeId = Objects.requireNonNull(b.nomineeId, "nomineeId");
        this.fullName = Objects.requireNonNull(b.fullName, "fullName");
        this.sex = Objects.requireNonNull(b.sex, "sex");
        this.birthDate = Objects.requireNonNull(b.birthDate, "birthDate");
        this.ethnicity = blankToNull(b.ethnicity);
        this.hometownProvince = blankToNull(b.hometownProvince);
        this.membership = Objects.requireNonNull(b.membership, "membership");
        this.partyJoinDate = b.partyJoinDate;
        this.incumbent = b.incumbent;
        this.currentPosts = Collections.unmodifiableSet(copy(b.currentPosts));
        this.proposedPosts = Collections.unmodifiableSet(copy(b.proposedPosts));
        if (proposedPosts.isEmpty()) {
            throw new IllegalArgumentException("at least one proposed post is required");
        }
        this.consecutiveTerms = b.consecutiveTerms;
        this.politicalTheory = b.politicalTheory;
        this.education = b.education;
        this.disciplineForm = b.disciplineForm == null ? DisciplineForm.NONE : b.disciplineForm;
        if (disciplineForm != DisciplineForm.NONE && b.disciplineDate == null) {
            throw new IllegalArgumentException("a discipline date is required when the form is not NONE");
        }
        this.disciplineDate = b.disciplineDate;
        this.disciplinePending = b.disciplinePending;
        this.politicalConclusion = b.politicalConclusion;
        this.politicalConclusionDate = b.politicalConclusionDate;
        this.qualityRatings = Collections.unmodifiableMap(new TreeMap<>(b.qualityRatings));
        if (b.unresolvedComplaints < 0) {
            throw new IllegalArgumentException("unresolved complaints cannot be negative");
        }
        this.unresolvedComplaints = b.unresolvedComplaints;
        this.assetDeclaration = b.assetDeclaration;
        this.healthOk = b.healthOk;
        this.relatives = Collections.unmodifiableSet(new LinkedHashSet<>(b.relatives));
        this.retirementMonthOverride = b.retirementMonthOverride;
        this.partyJoinLastDay = b.partyJoinLastDay != null ? b.partyJoinLastDay : b.partyJoinDate;
        this.disciplineFirstDay = b.disciplineFirstDay != null ? b.disciplineFirstDay : b.disciplineDate;
        this.plannedPosts = b.plannedPosts == null ? null
                : java.util.Collections.unmodifiableSet(java.util.EnumSet.copyOf(b.plannedPosts.isEmpty()
                        ? java.util.EnumSet.noneOf(Post.class) : b.plannedPosts));
        this.lowConfidenceShare = b.lowConfidenceShare;
        this.highestProposedRank = maxRank(proposedPosts);
        // An incumbent with no current post written holds COMMITTEE (docs/specification.md section 2.2).
        this.highestCurrentRank = currentPosts.isEmpty() ? (incumbent ? Post.COMMITTEE.getRank() : 0)
                : maxRank(currentPosts);
    }

    private static Set<Post> copy(Set<Post> posts) {
        return posts.isEmpty() ? EnumSet.noneOf(Post.class) : EnumSet.copyOf(posts);
    }

    private static int maxRank(Set<Post> posts) {
        return posts.stream().mapToInt(Post::getRank).max().orElse(0);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** This nominee with {@code relatives} instead of its own (the intake resolves them to the list's ids). */
    public Nominee withRelatives(java.util.Collection<String> relatives) {
        return new Nominee(this, relatives);
    }

    private Nominee(Nominee o, java.util.Collection<String> relatives) {
        this.congressId = o.congressId;
        this.nomineeId = o.nomineeId;
        this.fullName = o.fullName;
        this.sex = o.sex;
        this.birthDate = o.birthDate;
        this.ethnicity = o.ethnicity;
        this.hometownProvince = o.hometownProvince;
        this.membership = o.membership;
        this.partyJoinDate = o.partyJoinDate;
        this.incumbent = o.incumbent;
        this.currentPosts = o.currentPosts;
        this.proposedPosts = o.proposedPosts;
        this.consecutiveTerms = o.consecutiveTerms;
        this.politicalTheory = o.politicalTheory;
        this.education = o.education;
        this.disciplineForm = o.disciplineForm;
        this.disciplineDate = o.disciplineDate;
        this.disciplinePending = o.disciplinePending;
        this.politicalConclusion = o.politicalConclusion;
        this.politicalConclusionDate = o.politicalConclusionDate;
        this.qualityRatings = o.qualityRatings;
        this.unresolvedComplaints = o.unresolvedComplaints;
        this.assetDeclaration = o.assetDeclaration;
        this.healthOk = o.healthOk;
        this.retirementMonthOverride = o.retirementMonthOverride;
        this.partyJoinLastDay = o.partyJoinLastDay;
        this.disciplineFirstDay = o.disciplineFirstDay;
        this.plannedPosts = o.plannedPosts;
        this.lowConfidenceShare = o.lowConfidenceShare;
        this.highestProposedRank = o.highestProposedRank;
        this.highestCurrentRank = o.highestCurrentRank;
        this.relatives = Collections.unmodifiableSet(new LinkedHashSet<>(relatives));
    }

    public static Builder builder() {
        return new Builder();
    }

    public String getCongressId() { return congressId; }
    public String getNomineeId() { return nomineeId; }
    public String getFullName() { return fullName; }
    public Sex getSex() { return sex; }
    public LocalDate getBirthDate() { return birthDate; }
    /** The birth month {@code B} (January when only the year was given, since the date is then 1 January). */
    public YearMonth getBirthMonth() { return YearMonth.from(birthDate); }
    public String getEthnicity() { return ethnicity; }
    public String getHometownProvince() { return hometownProvince; }
    public Membership getMembership() { return membership; }
    public LocalDate getPartyJoinDate() { return partyJoinDate; }
    public boolean isIncumbent() { return incumbent; }
    public Set<Post> getCurrentPosts() { return currentPosts; }
    public Set<Post> getProposedPosts() { return proposedPosts; }
    public Integer getConsecutiveTerms() { return consecutiveTerms; }
    public PoliticalTheory getPoliticalTheory() { return politicalTheory; }
    public Education getEducation() { return education; }
    public DisciplineForm getDisciplineForm() { return disciplineForm; }
    public LocalDate getDisciplineDate() { return disciplineDate; }
    public boolean isDisciplinePending() { return disciplinePending; }
    public Conclusion getPoliticalConclusion() { return politicalConclusion; }
    public LocalDate getPoliticalConclusionDate() { return politicalConclusionDate; }
    /** Ratings by year, in ascending year order. */
    public Map<Integer, Rating> getQualityRatings() { return qualityRatings; }

    /** The rating of {@code year}, or null when the file gives none. */
    public Rating ratingIn(int year) {
        return qualityRatings.get(year);
    }

    /** True when {@code year} has no rating or one below {@code minimum} (a {@link Rating}). */
    public boolean ratingBelow(int year, Object minimum) {
        Rating r = qualityRatings.get(year);
        return r == null || r.isBelow((Rating) minimum);
    }
    public int getUnresolvedComplaints() { return unresolvedComplaints; }
    public Boolean getAssetDeclaration() { return assetDeclaration; }
    public Boolean getHealthOk() { return healthOk; }
    /** Nominee ids of close family as written; ids not on the list are ignored by the rules. */
    public Set<String> getRelatives() { return relatives; }
    public YearMonth getRetirementMonthOverride() { return retirementMonthOverride; }
    /** The last day the party join date may denote (the date itself when it is a full date). */
    public LocalDate getPartyJoinLastDay() { return partyJoinLastDay; }
    /** The first day the discipline date may denote ({@link #getDisciplineDate()} is the last one). */
    public LocalDate getDisciplineFirstDay() { return disciplineFirstDay; }
    /** Posts the nominee is in the planning pool for; null when the file has no planned_posts column. */
    public Set<Post> getPlannedPosts() { return plannedPosts; }
    /** Share of low-confidence votes in the latest confidence vote (0..1), or null when not given. */
    public java.math.BigDecimal getLowConfidenceShare() { return lowConfidenceShare; }

    /**
     * The proposed posts of rank 2 or more that the nominee neither holds nor is planned for (a plan for a post of
     * equal or higher rank covers it); empty when planning is not known. An incumbent without current posts holds
     * COMMITTEE (rank 1), which covers nothing of rank 2.
     */
    public java.util.List<Post> getUnplannedPosts() {
        java.util.List<Post> out = new java.util.ArrayList<>();
        if (plannedPosts == null) {
            return out;
        }
        int plannedRank = 0;
        for (Post p : plannedPosts) {
            plannedRank = Math.max(plannedRank, p.getRank());
        }
        for (Post p : proposedPosts) {
            if (p.getRank() >= 2 && !currentPosts.contains(p) && plannedRank < p.getRank()) {
                out.add(p);
            }
        }
        return out;
    }
    /** Highest rank among the proposed posts. */
    public int getHighestProposedRank() { return highestProposedRank; }
    /** Highest rank among the current posts; COMMITTEE for an incumbent with none written, 0 otherwise. */
    public int getHighestCurrentRank() { return highestCurrentRank; }

    /** True when {@code post} is among the proposed posts. */
    public boolean proposes(Post post) {
        return proposedPosts.contains(post);
    }

    /** True when any of {@code posts} is proposed. */
    public boolean proposesAny(Set<Post> posts) {
        for (Post p : posts) {
            if (proposedPosts.contains(p)) {
                return true;
            }
        }
        return false;
    }

    /** Proposed for the standing committee or above (highest proposed rank 2 or more, docs/specification.md section 2.2). */
    public boolean isStandingOrAbove() {
        return highestProposedRank >= Post.STANDING_COMMITTEE.getRank();
    }

    /** Age in whole years at the reference month {@code reference}: {@code floor((C − B) / 12)}. */
    public int ageAt(YearMonth reference) {
        return Months.ageInYears(getBirthMonth(), reference);
    }

    /** Minority when the ethnicity is given and is not Kinh (compared after trimming, NFC and case folding). */
    public boolean isMinority() {
        return ethnicity != null && !Code.sameText(ethnicity, "Kinh");
    }

    @Override
    public String toString() {
        // Deliberately no personal data: this may end up in a log line.
        return "Nominee[" + nomineeId + "]";
    }

    /** Builder for {@link Nominee}. */
    public static final class Builder {
        private String congressId;
        private String nomineeId;
        private String fullName;
        private Sex sex;
        private LocalDate birthDate;
        private String ethnicity;
        private String hometownProvince;
        private Membership membership;
        private LocalDate partyJoinDate;
        private boolean incumbent;
        private Set<Post> currentPosts = EnumSet.noneOf(Post.class);
        private Set<Post> proposedPosts = EnumSet.noneOf(Post.class);
        private Integer consecutiveTerms;
        private PoliticalTheory politicalTheory;
        private Education education;
        private DisciplineForm disciplineForm;
        private LocalDate disciplineDate;
        private boolean disciplinePending;
        private Conclusion politicalConclusion;
        private LocalDate politicalConclusionDate;
        private Map<Integer, Rating> qualityRatings = new TreeMap<>();
        private int unresolvedComplaints;
        private Boolean assetDeclaration;
        private Boolean healthOk;
        private Set<String> relatives = new LinkedHashSet<>();
        private YearMonth retirementMonthOverride;
        private LocalDate partyJoinLastDay;
        private LocalDate disciplineFirstDay;
        private Set<Post> plannedPosts;
        private java.math.BigDecimal lowConfidenceShare;

        public Builder congressId(String v) { congressId = v; return this; }
        public Builder nomineeId(String v) { nomineeId = v; return this; }
        public Builder fullName(String v) { fullName = v; return this; }
        public Builder sex(Sex v) { sex = v; return this; }
        public Builder birthDate(LocalDate v) { birthDate = v; return this; }
        public Builder ethnicity(String v) { ethnicity = v; return this; }
        public Builder hometownProvince(String v) { hometownProvince = v; return this; }
        public Builder membership(Membership v) { membership = v; return this; }
        public Builder partyJoinDate(LocalDate v) { partyJoinDate = v; return this; }
        public Builder incumbent(boolean v) { incumbent = v; return this; }
        public Builder currentPosts(Set<Post> v) { currentPosts = v; return this; }
        public Builder proposedPosts(Set<Post> v) { proposedPosts = v; return this; }
        public Builder consecutiveTerms(Integer v) { consecutiveTerms = v; return this; }
        public Builder politicalTheory(PoliticalTheory v) { politicalTheory = v; return this; }
        public Builder education(Education v) { education = v; return this; }
        public Builder disciplineForm(DisciplineForm v) { disciplineForm = v; return this; }
        public Builder disciplineDate(LocalDate v) { disciplineDate = v; return this; }
        public Builder disciplinePending(boolean v) { disciplinePending = v; return this; }
        public Builder politicalConclusion(Conclusion v) { politicalConclusion = v; return this; }
        public Builder politicalConclusionDate(LocalDate v) { politicalConclusionDate = v; return this; }
        public Builder qualityRatings(Map<Integer, Rating> v) { qualityRatings = v; return this; }
        public Builder unresolvedComplaints(int v) { unresolvedComplaints = v; return this; }
        public Builder assetDeclaration(Boolean v) { assetDeclaration = v; return this; }
        public Builder healthOk(Boolean v) { healthOk = v; return this; }
        public Builder relatives(List<String> v) { relatives = new LinkedHashSet<>(v); return this; }
        public Builder retirementMonthOverride(YearMonth v) { retirementMonthOverride = v; return this; }
        public Builder partyJoinLastDay(LocalDate v) { partyJoinLastDay = v; return this; }
        public Builder disciplineFirstDay(LocalDate v) { disciplineFirstDay = v; return this; }
        public Builder plannedPosts(Set<Post> v) { plannedPosts = v; return this; }
        public Builder lowConfidenceShare(java.math.BigDecimal v) { lowConfidenceShare = v; return this; }

        public Nominee build() {
            return new Nominee(this);
        }
    }
}
