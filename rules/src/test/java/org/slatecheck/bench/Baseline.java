package org.slatecheck.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.kie.api.definition.rule.Rule;
import org.slatecheck.rules.engine.CongressStandards;
import org.slatecheck.rules.engine.DisciplineInForce;
import org.slatecheck.rules.engine.Finding;
import org.slatecheck.rules.engine.ListComposition;
import org.slatecheck.rules.engine.NomineeResult;
import org.slatecheck.rules.engine.QualityShortfall;
import org.slatecheck.rules.engine.QualityYears;
import org.slatecheck.rules.engine.RuleInfo;
import org.slatecheck.rules.engine.RuleSet;
import org.slatecheck.rules.engine.Screening;
import org.slatecheck.rules.engine.ScreeningResult;
import org.slatecheck.rules.engine.Shares;
import org.slatecheck.rules.engine.WorkingTime;
import org.slatecheck.rules.model.Code;
import org.slatecheck.rules.model.Conclusion;
import org.slatecheck.rules.model.Congress;
import org.slatecheck.rules.model.DisciplineForm;
import org.slatecheck.rules.model.Level;
import org.slatecheck.rules.model.ListKind;
import org.slatecheck.rules.model.Membership;
import org.slatecheck.rules.model.Months;
import org.slatecheck.rules.model.Nominee;
import org.slatecheck.rules.model.Post;
import org.slatecheck.rules.model.Rating;
import org.slatecheck.rules.model.Sex;
import org.slatecheck.rules.params.Parameters;

/**
 * The hand-written baseline of issue 5's benchmark: every rule of docs/specification.md as plain Java loops, no rule engine, to
 * measure what Drools costs. It lives only in the benchmark (test) sources. It reuses the small pure helpers the DRL
 * itself calls (working time, standards, shares, lapse day, quality years) and reads each rule's {@code @id},
 * {@code @severity} metadata from the compiled rule set (citations are resolved as the facade does) so that its findings are the same
 * objects; the decisions themselves are written out here. {@code BaselineAgreementTest} checks on every rule case,
 * the sample and random lists that it gives exactly the facade's result; the benchmark checks it again on its whole
 * data set.
 */
public final class Baseline {
    private static final Map<String, Map<String, Rule>> RULES = new ConcurrentHashMap<>();

    private Baseline() {
    }

    public static ScreeningResult screen(RuleSet ruleSet, Congress c, List<Nominee> nominees) {
        Map<String, Rule> rules = RULES.computeIfAbsent(ruleSet.getChecksum(), k -> rulesById(ruleSet));
        Parameters p = ruleSet.parameters().at(c.getCongressDate());
        CongressStandards s = CongressStandards.of(c, p);
        Map<String, List<Finding>> byNominee = new HashMap<>();
        List<Finding> list = new ArrayList<>();
        Map<String, Nominee> byId = new HashMap<>();
        for (Nominee n : nominees) {
            byId.put(n.getNomineeId(), n);
        }
        int women = 0;
        int womenSenior = 0;
        int under40 = 0;
        int band = 0;
        int minority = 0;
        LocalDate day = c.getCongressDate();
        for (Nominee n : nominees) {
            List<Finding> f = new ArrayList<>(2);
            int age = n.ageAt(c.getReferenceMonth());
            if (n.getSex() == Sex.F) {
                women++;
                if (n.isStandingOrAbove()) {
                    womenSenior++;
                }
            }
            if (age < p.integer("structure.under40_age")) {
                under40++;
            }
            if (age >= p.integer("structure.band_from_age") && age <= p.integer("structure.band_to_age")) {
                band++;
            }
            if (n.isMinority()) {
                minority++;
            }
            // AGE-001/002/003: remaining working time (docs/specification.md section 4).
            WorkingTime w = WorkingTime.of(n, c, p);
            if (w.isRetired()) {
                f.add(Finding.nominee(rules.get("AGE-003"), n, "birthMonth", w.getBirthMonth(),
                        "retirementMonth", w.getRetirementMonth(), "referenceMonth", w.getReferenceMonth(),
                        "remainingMonths", w.getRemainingMonths()));
            } else if (w.getRemainingMonths() < p.integer(required(c, n))) {
                f.add(Finding.nominee(rules.get(n.isIncumbent() ? "AGE-002" : "AGE-001"), n, "birthMonth",
                        w.getBirthMonth(), "retirementMonth", w.getRetirementMonth(), "referenceMonth",
                        w.getReferenceMonth(), "remainingMonths", w.getRemainingMonths(), "requiredMonths",
                        p.integer(required(c, n))).on(required(c, n)));
            }
            // POL-001/002/003: political conclusion.
            if (n.getPoliticalConclusion() == null) {
                f.add(Finding.nominee(rules.get("POL-001"), n));
            } else if (n.getPoliticalConclusion() == Conclusion.NOT_MET) {
                f.add(Finding.nominee(rules.get("POL-002"), n, "conclusionDate", n.getPoliticalConclusionDate()));
            } else if (n.getPoliticalConclusion() == Conclusion.NEEDS_REVIEW) {
                f.add(Finding.nominee(rules.get("POL-004"), n, "conclusionDate", n.getPoliticalConclusionDate()));
            }
            // CON-001: low-confidence share above the maximum (exact decimals).
            java.math.BigDecimal lowMax = p.decimal("confidence.low_share_max");
            if (n.getLowConfidenceShare() != null && n.getLowConfidenceShare().compareTo(lowMax) > 0) {
                f.add(Finding.nominee(rules.get("CON-001"), n, "share", n.getLowConfidenceShare(), "max", lowMax)
                        .on("confidence.low_share_max"));
            }
            // PLN-001: a senior post proposed without holding it or a plan for it or higher.
            for (Post post : n.getUnplannedPosts()) {
                f.add(Finding.nominee(rules.get("PLN-001"), n, "post", post, "plannedPosts", n.getPlannedPosts()));
            }
            // DAT-002: implausible dates.
            if (n.getPartyJoinDate() != null && n.getPartyJoinLastDay().isBefore(n.getBirthDate().plusYears(18))) {
                f.add(Finding.nominee(rules.get("DAT-002"), n, "field", "party_join_date", "value",
                        n.getPartyJoinDate(), "problem", "BEFORE_18"));
            }
            if (n.getPartyJoinDate() != null && n.getPartyJoinDate().isAfter(day)) {
                f.add(Finding.nominee(rules.get("DAT-002"), n, "field", "party_join_date", "value",
                        n.getPartyJoinDate(), "problem", "AFTER_CONGRESS"));
            }
            if (n.getDisciplineFirstDay() != null && n.getDisciplineFirstDay().isAfter(day)) {
                f.add(Finding.nominee(rules.get("DAT-002"), n, "field", "discipline_date", "value",
                        n.getDisciplineFirstDay(), "problem", "AFTER_CONGRESS"));
            }
            if (n.getPoliticalConclusionDate() != null && n.getPoliticalConclusionDate().isAfter(day)) {
                f.add(Finding.nominee(rules.get("DAT-002"), n, "field", "political_conclusion_date", "value",
                        n.getPoliticalConclusionDate(), "problem", "AFTER_CONGRESS"));
            }
            Integer maxAge = p.optionalInteger("political_conclusion.max_age_months");
            if (maxAge != null && n.getPoliticalConclusionDate() != null) {
                LocalDate expires = Months.plus(n.getPoliticalConclusionDate(), maxAge);
                if (!day.isBefore(expires)) {
                    f.add(Finding.nominee(rules.get("POL-003"), n, "conclusionDate",
                            n.getPoliticalConclusionDate(), "maxAgeMonths", maxAge, "expiredOn", expires).on("political_conclusion.max_age_months"));
                }
            }
            // DIS-001/002/003: discipline in force on the congress day, discipline pending.
            if (n.getDisciplineForm() != DisciplineForm.NONE) {
                LocalDate lapses = DisciplineInForce.lapsesOn(n, p.integer("discipline.period_months"));
                if (day.isBefore(lapses)) {
                    DisciplineForm form = n.getDisciplineForm();
                    String id = null;
                    Rule rule = null;
                    if (form == DisciplineForm.KHIEN_TRACH || form == DisciplineForm.CANH_CAO) {
                        boolean promotion = n.getHighestProposedRank() > n.getHighestCurrentRank();
                        rule = rules.get(n.isIncumbent() && !promotion ? "DIS-001/REVIEW" : "DIS-001/INELIGIBLE");
                        id = "DIS-001";
                    } else if (form == DisciplineForm.CACH_CHUC) {
                        rule = rules.get("DIS-002");
                        id = "DIS-002";
                    }
                    if (id != null) {
                        Finding d = Finding.nominee(rule, n, "disciplineForm", form, "disciplineDate",
                                n.getDisciplineDate(), "lapsesOn", lapses, "eligibleFrom", lapses).on("discipline.period_months");
                        f.add(id.equals("DIS-001") ? d.variant(d.getSeverity().name()) : d);
                    }
                }
            }
            if (n.isDisciplinePending()) {
                f.add(Finding.nominee(rules.get("DIS-003"), n));
            }
            // EDU-001/002 and their missing data.
            if (s.getMinimumTheory() != null) {
                if (n.getPoliticalTheory() == null) {
                    f.add(missing(rules, p, n, "political_theory", "EDU-001"));
                } else if (n.getPoliticalTheory().ordinal() < s.getMinimumTheory().ordinal()) {
                    f.add(Finding.nominee(rules.get("EDU-001"), n, "actual", n.getPoliticalTheory(), "required",
                            s.getMinimumTheory()).on("theory.min." + c.getLevel()));
                }
            }
            if (s.getMinimumEducation() != null) {
                if (n.getEducation() == null) {
                    f.add(missing(rules, p, n, "education", "EDU-002"));
                } else if (n.getEducation().ordinal() < s.getMinimumEducation().ordinal()) {
                    f.add(Finding.nominee(rules.get("EDU-002"), n, "actual", n.getEducation(), "required",
                            s.getMinimumEducation()).on("education.min." + c.getLevel()));
                }
            }
            // TRM-001: term limit on each limited proposed post; missing terms when it matters.
            if (n.getConsecutiveTerms() == null) {
                if (n.proposesAny(p.<Post>codes("term_limit.posts"))) {
                    f.add(missing(rules, p, n, "consecutive_terms", "TRM-001"));
                }
            } else if (n.getConsecutiveTerms() >= p.integer("term_limit.max_terms")) {
                for (Post post : n.getProposedPosts()) {
                    if (p.<Post>codes("term_limit.posts").contains(post)) {
                        f.add(Finding.nominee(rules.get("TRM-001"), n, "post", post, "consecutiveTerms",
                                n.getConsecutiveTerms(), "maxTerms", p.integer("term_limit.max_terms"))
                                .on("term_limit.max_terms"));
                    }
                }
            }
            // INT-001/002, HLT-001, MEM-001.
            if (n.getUnresolvedComplaints() > 0) {
                f.add(Finding.nominee(rules.get("INT-001"), n, "count", n.getUnresolvedComplaints()));
            }
            if (n.getAssetDeclaration() == null) {
                f.add(missing(rules, p, n, "asset_declaration", "INT-002"));
            } else if (!n.getAssetDeclaration()) {
                f.add(Finding.nominee(rules.get("INT-002"), n));
            }
            if (n.getHealthOk() == null) {
                f.add(missing(rules, p, n, "health_ok", "HLT-001"));
            } else if (!n.getHealthOk()) {
                f.add(Finding.nominee(rules.get("HLT-001"), n));
            }
            if (n.getMembership() == Membership.PROBATIONARY) {
                f.add(Finding.nominee(rules.get("MEM-001"), n, "membership", n.getMembership()));
            }
            // STR-005's missing ethnicity, POL-003's missing date.
            if (c.getMinMinorityShare() != null && n.getEthnicity() == null) {
                f.add(missing(rules, p, n, "ethnicity", "STR-005"));
            }
            if (maxAge != null && n.getPoliticalConclusion() == Conclusion.MET && n.getPoliticalConclusionDate() == null) {
                f.add(missing(rules, p, n, "political_conclusion_date", "POL-003"));
            }
            // LOC-001: a secretary from the province itself, at the levels of the parameter; from the 2025
            // arrangement of provinces both sides read as the province they belong to on the congress date.
            if (p.hasCode("locality.secretary_levels", c.getLevel()) && c.getProvince() != null
                    && n.proposes(Post.SECRETARY) && n.getHometownProvince() != null) {
                String home = ruleSet.provinces().on(n.getHometownProvince(), day);
                if (Code.sameText(home, ruleSet.provinces().on(c.getProvince(), day))) {
                    f.add(Finding.nominee(rules.get("LOC-001"), n, "province", n.getHometownProvince(), "belongsTo",
                            home).variant(Code.sameText(home, n.getHometownProvince()) ? null : "merged"));
                }
            }
            // QUA-001/002: quality ratings.
            if (n.isIncumbent()) {
                for (Integer year : QualityYears.failedOutgoingYears(n, c, p.integer("quality.outgoing_term_first_year"))) {
                    f.add(Finding.nominee(rules.get("QUA-001"), n, "year", year, "rating", Rating.KHTNV));
                }
            }
            QualityShortfall shortfall = QualityYears.shortfall(n, c, p.integer("quality.outgoing_term_first_year"), p.integer("quality.years"), p.code("quality.min_rating"));
            if (shortfall != null) {
                f.add(Finding.nominee(rules.get("QUA-002"), n, "years", shortfall.getYears(), "minRating",
                        p.code("quality.min_rating"), "qualityYears", p.integer("quality.years")).on("quality.years"));
            }
            byNominee.put(n.getNomineeId(), f);
        }
        // FAM-001: close family (either names the other) both proposed for senior or key posts; one finding each way.
        for (Nominee a : nominees) {
            for (String relativeId : a.getRelatives()) {
                Nominee b = byId.get(relativeId);
                if (b == null || b == a) {
                    continue;
                }
                // The pair once, whichever side names the other: skip it here when b also names a and comes first.
                if (b.getRelatives().contains(a.getNomineeId()) && b.getNomineeId().compareTo(a.getNomineeId()) < 0) {
                    continue;
                }
                boolean senior = a.getHighestProposedRank() >= p.integer("family.min_rank")
                        && b.getHighestProposedRank() >= p.integer("family.min_rank");
                boolean key = a.proposesAny(p.<Post>codes("family.key_posts")) && b.proposesAny(p.<Post>codes("family.key_posts"));
                if (senior || key) {
                    byNominee.get(a.getNomineeId()).add(Finding.nominee(rules.get("FAM-001"), a, "relativeId",
                            b.getNomineeId(), "relativeName", b.getFullName()));
                    byNominee.get(b.getNomineeId()).add(Finding.nominee(rules.get("FAM-001"), b, "relativeId",
                            a.getNomineeId(), "relativeName", a.getFullName()));
                }
            }
        }
        int total = nominees.size();
        ListComposition composition = new ListComposition(total, women, womenSenior, under40, band, minority);
        listRules(rules, p, c, s, composition, list, nominees);

        list.replaceAll(x -> Screening.cite(ruleSet, c, x));
        List<NomineeResult> results = new ArrayList<>(total);
        for (Nominee n : nominees) {
            List<Finding> own = byNominee.get(n.getNomineeId());
            own.replaceAll(x -> Screening.cite(ruleSet, c, x));
            own.sort(Finding.ORDER);
            results.add(new NomineeResult(n, NomineeResult.outcomeOf(own), own));
        }
        list.sort(Finding.ORDER);
        List<String> notChecked = new ArrayList<>();
        if (nominees.stream().allMatch(n -> n.getPlannedPosts() == null)) {
            notChecked.add("PLN-001");
        }
        if (c.isCommitteeList()) {
            if (committeeMax(p, c) == null) {
                notChecked.add("NUM-001");
            }
            if (!s.hasStandingRange()) {
                notChecked.add("NUM-002");
            }
            if (s.getDeputySecretaries() == null) {
                notChecked.add("NUM-005");
            }
        }
        // The viable list (docs/specification.md section 6): the list rules once more on the nominees not INELIGIBLE.
        List<Nominee> viable = new ArrayList<>(total);
        for (NomineeResult r : results) {
            if (r.outcome() != org.slatecheck.rules.model.Outcome.INELIGIBLE) {
                viable.add(r.nominee());
            }
        }
        List<Finding> viableList = list;
        ListComposition viableComposition = composition;
        if (viable.size() != total) {
            viableComposition = composition(c, p, viable);
            viableList = new ArrayList<>();
            listRules(rules, p, c, s, viableComposition, viableList, viable);
            viableList.replaceAll(x -> Screening.cite(ruleSet, c, x));
            viableList.sort(Finding.ORDER);
        }
        return new ScreeningResult(c, ruleSet.getId(), ruleSet.getVersion(), ruleSet.getChecksum(), results, list,
                notChecked, composition, p, viableList, viableComposition);
    }

    /** The list composition of {@code nominees}, counted as docs/specification.md section 6 says (ages at the reference month). */
    private static ListComposition composition(Congress c, Parameters p, List<Nominee> nominees) {
        int women = 0;
        int womenSenior = 0;
        int under40 = 0;
        int band = 0;
        int minority = 0;
        for (Nominee n : nominees) {
            int age = n.ageAt(c.getReferenceMonth());
            if (n.getSex() == Sex.F) {
                women++;
                womenSenior += n.isStandingOrAbove() ? 1 : 0;
            }
            under40 += age < p.integer("structure.under40_age") ? 1 : 0;
            band += age >= p.integer("structure.band_from_age") && age <= p.integer("structure.band_to_age") ? 1 : 0;
            minority += n.isMinority() ? 1 : 0;
        }
        return new ListComposition(nominees.size(), women, womenSenior, under40, band, minority);
    }

    private static void listRules(Map<String, Rule> rules, Parameters p, Congress c, CongressStandards s,
            ListComposition l, List<Finding> list, List<Nominee> nominees) {
        int total = l.getTotal();
        int seats = c.getCommitteeSeats();
        if (c.isCommitteeList()) {
            Integer max = committeeMax(p, c);
            if (max != null && max < seats) {
                list.add(Finding.list(rules.get("NUM-001"), "seats", seats, "max", max, "excess", seats - max)
                        .on(committeeMaxParameter(p, c)));
            }
            Integer standing = c.getStandingSeats();
            if (standing != null && s.getStandingMin() != null && s.getStandingMax() != null
                    && (standing < s.getStandingMin() || standing > s.getStandingMax())) {
                list.add(Finding.list(rules.get("NUM-002"), "seats", standing, "min", s.getStandingMin(), "max",
                        s.getStandingMax()).on("standing.min_seats." + c.getLevel())
                        .variant(standing < s.getStandingMin() ? "few" : "many"));
            }
            Integer deputies = c.getDeputySecretarySeats();
            if (deputies != null && s.getDeputySecretaries() != null && !s.getDeputySecretaries().equals(deputies)) {
                list.add(Finding.list(rules.get("NUM-005"), "seats", deputies, "required", s.getDeputySecretaries())
                        .on("deputy_secretaries." + c.getLevel()));
            }
            if (Shares.below(l.getWomen(), total, p.decimal("structure.women_min_percent"))) {
                int required = Shares.atLeast(total, p.decimal("structure.women_min_percent"));
                list.add(Finding.list(rules.get("STR-001"), "women", l.getWomen(), "total", total, "required",
                        required, "missing", required - l.getWomen(), "minPercent", p.decimal("structure.women_min_percent"))
                        .on("structure.women_min_percent"));
            }
            if (standing != null && l.getWomenStandingOrAbove() == 0) {
                list.add(Finding.list(rules.get("STR-002"), "womenStandingOrAbove", 0, "missing", 1));
            }
            if (p.hasCode("structure.under40_levels", c.getLevel())
                    && Shares.below(l.getUnder40(), total, p.decimal("structure.under40_min_percent"))) {
                int required = Shares.atLeast(total, p.decimal("structure.under40_min_percent"));
                list.add(Finding.list(rules.get("STR-003"), "under40", l.getUnder40(), "total", total,
                        "required", required, "missing", required - l.getUnder40(), "minPercent",
                        p.decimal("structure.under40_min_percent"), "age", p.integer("structure.under40_age"))
                        .on("structure.under40_min_percent"));
            }
            if (p.hasCode("structure.band_levels", c.getLevel())
                    && (Shares.below(l.getBand(), total, p.decimal("structure.band_min_percent"))
                    || Shares.above(l.getBand(), total, p.decimal("structure.band_max_percent")))) {
                list.add(Finding.list(rules.get("STR-004"), "band", l.getBand(), "total", total, "minimum",
                        Shares.atLeast(total, p.decimal("structure.band_min_percent")), "maximum",
                        Shares.atMost(total, p.decimal("structure.band_max_percent")), "fromAge", p.integer("structure.band_from_age"), "toAge",
                        p.integer("structure.band_to_age"), "minPercent", p.decimal("structure.band_min_percent"), "maxPercent", p.decimal("structure.band_max_percent"))
                        .on("structure.band_min_percent").variant(l.getBand() < Shares.atLeast(total,
                        p.decimal("structure.band_min_percent")) ? "few" : "many"));
            }
            if (c.getMinMinorityShare() != null
                    && Shares.belowFraction(l.getMinority(), total, c.getMinMinorityShare())) {
                int required = Shares.atLeastFraction(total, c.getMinMinorityShare());
                list.add(Finding.list(rules.get("STR-005"), "minority", l.getMinority(), "total", total,
                        "required", required, "missing", required - l.getMinority(), "minShare",
                        c.getMinMinorityShare()));
            }
        }
        int small = p.integer("election.small_body_max_seats");
        int smallSurplus = p.integer("election.small_body_surplus");
        if (c.getListKind() == ListKind.ELECTION_LIST && seats <= small) {
            // NUM-003 for a small body (docs/specification.md): exactly seats + the small-body surplus; no NUM-004.
            if (total != seats + smallSurplus) {
                list.add(Finding.list(rules.get("NUM-003"), "count", total, "seats", seats, "minCount",
                        seats + smallSurplus, "maxCount", seats + smallSurplus, "max", seats + smallSurplus,
                        "surplus", smallSurplus, "smallBodySeats", small).on("election.small_body_surplus")
                        .variant("small"));
            }
        } else if (c.getListKind() == ListKind.ELECTION_LIST) {
            boolean tooMany = total > seats && Shares.above(total - seats, seats, p.decimal("election.surplus_max_percent"));
            if (total <= seats || tooMany) {
                int maxCount = seats + Shares.atMost(seats, p.decimal("election.surplus_max_percent"));
                list.add(Finding.list(rules.get("NUM-003"), "count", total, "seats", seats, "minCount", seats + 1,
                        "maxCount", maxCount, "max", maxCount, "maxPercent",
                        p.decimal("election.surplus_max_percent")).on("election.surplus_max_percent")
                        .variant(total <= seats ? "few" : "many"));
            } else if (Shares.below(total - seats, seats, p.decimal("election.prepared_surplus_min_percent"))
                    || Shares.above(total - seats, seats, p.decimal("election.prepared_surplus_max_percent"))) {
                list.add(Finding.list(rules.get("NUM-004"), "count", total, "seats", seats, "minCount",
                        seats + Shares.atLeast(seats, p.decimal("election.prepared_surplus_min_percent")), "maxCount",
                        seats + Shares.atMost(seats, p.decimal("election.prepared_surplus_max_percent")), "minPercent",
                        p.decimal("election.prepared_surplus_min_percent"), "maxPercent", p.decimal("election.prepared_surplus_max_percent"))
                        .on("election.prepared_surplus_min_percent").variant(Shares.atLeast(seats,
                        p.decimal("election.prepared_surplus_min_percent")) > Shares.atMost(seats,
                        p.decimal("election.prepared_surplus_max_percent")) ? "none" : total < seats
                        + Shares.atLeast(seats, p.decimal("election.prepared_surplus_min_percent")) ? "few" : "many"));
            }
        }
        if (c.isCommitteeList()) {
            Integer deputies = c.getDeputySecretarySeats();
            int proposedDeputies = proposing(nominees, Post.DEPUTY_SECRETARY);
            if (deputies != null && proposedDeputies != deputies) {
                list.add(Finding.list(rules.get("NUM-008"), "count", proposedDeputies, "seats", deputies, "difference",
                        proposedDeputies - deputies).variant(proposedDeputies < deputies ? "few" : "many"));
            }
            Integer standing = c.getStandingSeats();
            if (standing != null) {
                int senior = 0;
                for (Nominee n : nominees) {
                    senior += n.isStandingOrAbove() ? 1 : 0;
                }
                java.math.BigDecimal max = p.decimal("standing.surplus_max_percent");
                if (standing <= small) {
                    // NUM-009 for a small standing committee (docs/specification.md): exactly one more.
                    if (senior != standing + smallSurplus) {
                        list.add(Finding.list(rules.get("NUM-009"), "count", senior, "seats", standing, "max", max,
                                "minCount", standing + smallSurplus, "maxCount", standing + smallSurplus, "surplus",
                                smallSurplus, "smallBodySeats", small).on("election.small_body_surplus")
                                .variant("small"));
                    }
                } else if (senior <= standing || Shares.above(senior - standing, standing, max)) {
                    list.add(Finding.list(rules.get("NUM-009"), "count", senior, "seats", standing, "max", max,
                            "minCount", standing + 1, "maxCount", standing + Shares.atMost(standing, max))
                            .on("standing.surplus_max_percent").variant(senior <= standing ? "few" : "many"));
                } else {
                    // NUM-011: a lawful standing surplus outside the prepared range (advisory).
                    java.math.BigDecimal lo = p.decimal("standing.prepared_surplus_min_percent");
                    java.math.BigDecimal hi = p.decimal("standing.prepared_surplus_max_percent");
                    if (Shares.below(senior - standing, standing, lo) || Shares.above(senior - standing, standing, hi)) {
                        int minCount = standing + Shares.atLeast(standing, lo);
                        int maxCount = standing + Shares.atMost(standing, hi);
                        list.add(Finding.list(rules.get("NUM-011"), "count", senior, "seats", standing, "minCount",
                                minCount, "maxCount", maxCount, "minPercent", lo, "maxPercent", hi)
                                .on("standing.prepared_surplus_min_percent").variant(minCount > maxCount ? "none"
                                : senior < minCount ? "few" : "many"));
                    }
                }
                // NUM-010: the standing committee at most 1/fraction of the committee.
                int fraction = p.integer("standing.committee_fraction");
                if (standing * fraction > seats) {
                    list.add(Finding.list(rules.get("NUM-010"), "seats", standing, "committeeSeats", seats, "max",
                            seats / fraction, "fraction", fraction, "excess", standing - seats / fraction)
                            .on("standing.committee_fraction"));
                }
            }
        }
        if (c.getListKind() != null) {
            Post key = c.getListKind() == ListKind.INSPECTION_LIST ? Post.INSPECTION_CHAIR : Post.SECRETARY;
            int proposed = proposing(nominees, key);
            if (proposed != 1) {
                list.add(Finding.list(rules.get("NUM-007"), "post", key, "count", proposed)
                        .variant(proposed == 0 ? "few" : "many"));
            }
        }
        if ((c.getListKind() == ListKind.PERSONNEL_PLAN || c.getListKind() == ListKind.INSPECTION_LIST)
                && total != seats) {
            list.add(Finding.list(rules.get("NUM-006"), "count", total, "seats", seats, "difference",
                    total - seats).variant(total < seats ? "few" : "many"));
        }
    }

    /** Which re-election or first-time minimum applies (docs/specification.md section 6, AGE-001/AGE-002), written out by hand. */
    private static String required(Congress c, Nominee n) {
        if (c.getListKind() == ListKind.INSPECTION_LIST) {
            return n.isIncumbent() ? "age.inspection.reelection_min_months" : "age.inspection.first_time_min_months";
        }
        if (!n.isIncumbent()) {
            return "age.first_time_min_months";
        }
        return c.getLevel() == Level.PROVINCE && n.proposes(Post.DEPUTY_SECRETARY)
                ? "age.reelection_min_months.PROVINCE.DEPUTY_SECRETARY" : "age.reelection_min_months";
    }

    /** The committee maximum that binds: the smaller of the rule set's (merged units or not) and the congress row's. */
    private static Integer committeeMax(Parameters p, Congress c) {
        Integer ruleSet = ruleSetMax(p, c);
        Integer row = c.getMaxCommitteeSeats();
        if (ruleSet == null || row == null) {
            return ruleSet != null ? ruleSet : row;
        }
        return Math.min(ruleSet, row);
    }

    private static Integer ruleSetMax(Parameters p, Congress c) {
        Integer max = p.perLevel("committee.max_seats", c.getLevel());
        if (max == null) {
            return null;
        }
        Integer above = p.perLevel("committee.max_seats", c.getLevel(), "merged_units_above");
        Integer merged = p.perLevel("committee.max_seats", c.getLevel(), "merged");
        return above != null && merged != null && c.getMergedUnitsOrOne() > above ? merged : max;
    }

    /** The parameter behind the binding maximum: the rule set's unless the congress row's is smaller. */
    private static String committeeMaxParameter(Parameters p, Congress c) {
        Integer max = p.perLevel("committee.max_seats", c.getLevel());
        if (max == null || (c.getMaxCommitteeSeats() != null && c.getMaxCommitteeSeats() < ruleSetMax(p, c))) {
            return null;
        }
        Integer above = p.perLevel("committee.max_seats", c.getLevel(), "merged_units_above");
        Integer merged = p.perLevel("committee.max_seats", c.getLevel(), "merged");
        String base = "committee.max_seats." + c.getLevel();
        return above != null && merged != null && c.getMergedUnitsOrOne() > above ? base + ".merged" : base;
    }

    private static int proposing(List<Nominee> nominees, Post post) {
        int count = 0;
        for (Nominee n : nominees) {
            count += n.proposes(post) ? 1 : 0;
        }
        return count;
    }

    private static Finding missing(Map<String, Rule> rules, Parameters p, Nominee n, String field, String neededBy) {
        return Finding.nominee(rules.get("DAT-001"), n, "field", field, "neededBy", neededBy);
    }

    /** The compiled rules by id; DIS-001 has two (one per severity), kept as DIS-001/REVIEW and DIS-001/INELIGIBLE. */
    private static Map<String, Rule> rulesById(RuleSet ruleSet) {
        Map<String, Rule> byId = new HashMap<>();
        for (Rule r : ruleSet.rules()) {
            RuleInfo info = RuleInfo.of(r);
            if (info.isDecision()) {
                byId.put(info.id().equals("DIS-001") ? "DIS-001/" + info.severity() : info.id(), r);
            }
        }
        return byId;
    }
}
