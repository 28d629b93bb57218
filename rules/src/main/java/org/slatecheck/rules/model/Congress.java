package org.slatecheck.rules.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;

/**
 * One congress and its list (docs/specification.md section 2.1), with the reference month and congress date already resolved
 * (given, or defaulted from the rule set). Immutable; built with {@link #builder()}.
 */
public final class Congress {
    private final String id;
    private final String organisation;
    private final Level level;
    private final String term;
    private final String province;
    private final YearMonth referenceMonth;
    private final LocalDate congressDate;
    private final ListKind listKind;
    private final int committeeSeats;
    private final Integer standingSeats;
    private final Integer deputySecretarySeats;
    private final Integer maxCommitteeSeats;
    private final Integer mergedUnits;
    private final BigDecimal minMinorityShare;

    private Congress(Builder b) {
        this.id = Objects.requireNonNull(b.id, "id");
        this.organisation = Objects.requireNonNull(b.organisation, "organisation");
        this.level = Objects.requireNonNull(b.level, "level");
        this.term = Objects.requireNonNull(b.term, "term");
        this.province = b.province;
        this.referenceMonth = Objects.requireNonNull(b.referenceMonth, "referenceMonth");
        this.congressDate = b.congressDate != null ? b.congressDate : b.referenceMonth.atDay(1);
        this.listKind = Objects.requireNonNull(b.listKind, "listKind");
        if (b.committeeSeats < 1) {
            throw new IllegalArgumentException("committee seats must be at least 1");
        }
        this.committeeSeats = b.committeeSeats;
        this.standingSeats = b.standingSeats;
        this.deputySecretarySeats = b.deputySecretarySeats;
        this.maxCommitteeSeats = b.maxCommitteeSeats;
        this.mergedUnits = b.mergedUnits;
        this.minMinorityShare = b.minMinorityShare;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String getId() {
        return id;
    }

    public String getOrganisation() {
        return organisation;
    }

    public Level getLevel() {
        return level;
    }

    public String getTerm() {
        return term;
    }

    public String getProvince() {
        return province;
    }

    public YearMonth getReferenceMonth() {
        return referenceMonth;
    }

    public LocalDate getCongressDate() {
        return congressDate;
    }

    /** The calendar year of the congress date: "congress year" in the quality rules. */
    public int getCongressYear() {
        return congressDate.getYear();
    }

    public ListKind getListKind() {
        return listKind;
    }

    public int getCommitteeSeats() {
        return committeeSeats;
    }

    public Integer getStandingSeats() {
        return standingSeats;
    }

    public Integer getDeputySecretarySeats() {
        return deputySecretarySeats;
    }

    public Integer getMaxCommitteeSeats() {
        return maxCommitteeSeats;
    }

    public Integer getMergedUnits() {
        return mergedUnits;
    }

    /** Merged former units; an empty cell counts as 1 (none merged). */
    public int getMergedUnitsOrOne() {
        return mergedUnits == null ? 1 : mergedUnits;
    }

    public BigDecimal getMinMinorityShare() {
        return minMinorityShare;
    }

    /** True for the list kinds the structure rules and NUM-001/002/005 apply to. */
    public boolean isCommitteeList() {
        return listKind == ListKind.PERSONNEL_PLAN || listKind == ListKind.ELECTION_LIST;
    }

    /** Builder for {@link Congress}. */
    public static final class Builder {
        private String id;
        private String organisation;
        private Level level;
        private String term;
        private String province;
        private YearMonth referenceMonth;
        private LocalDate congressDate;
        private ListKind listKind;
        private int committeeSeats;
        private Integer standingSeats;
        private Integer deputySecretarySeats;
        private Integer maxCommitteeSeats;
        private Integer mergedUnits;
        private BigDecimal minMinorityShare;

        public Builder id(String v) { id = v; return this; }
        public Builder organisation(String v) { organisation = v; return this; }
        public Builder level(Level v) { level = v; return this; }
        public Builder term(String v) { term = v; return this; }
        public Builder province(String v) { province = v; return this; }
        public Builder referenceMonth(YearMonth v) { referenceMonth = v; return this; }
        public Builder congressDate(LocalDate v) { congressDate = v; return this; }
        public Builder listKind(ListKind v) { listKind = v; return this; }
        public Builder committeeSeats(int v) { committeeSeats = v; return this; }
        public Builder standingSeats(Integer v) { standingSeats = v; return this; }
        public Builder deputySecretarySeats(Integer v) { deputySecretarySeats = v; return this; }
        public Builder maxCommitteeSeats(Integer v) { maxCommitteeSeats = v; return this; }
        public Builder mergedUnits(Integer v) { mergedUnits = v; return this; }
        public Builder minMinorityShare(BigDecimal v) { minMinorityShare = v; return this; }

        public Congress build() {
            return new Congress(this);
        }
    }
}
