package org.slatecheck.rules.params;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.slatecheck.rules.engine.Finding;
import org.slatecheck.rules.engine.RuleSet;
import org.slatecheck.rules.engine.RuleSetSource;
import org.slatecheck.rules.engine.Screening;
import org.slatecheck.rules.engine.ScreeningResult;
import org.slatecheck.rules.guided.GuidedRulesTest;
import org.slatecheck.rules.model.Congress;
import org.slatecheck.rules.model.DisciplineForm;
import org.slatecheck.rules.model.Nominee;
import org.slatecheck.rules.model.Post;
import org.slatecheck.rules.model.PoliticalTheory;
import org.slatecheck.rules.model.Severity;

/** Dated parameters and citations: each congress uses the entry in force on its date; switches as data. */
class DatedDataTest {
    /** The 2025-2030 source with a second entry of discipline.period_months (24 from 2025-07-01) and its citation. */
    static RuleSetSource dated() {
        RuleSetSource s = RuleSetSource.shipped("2025-2030");
        String params = s.values().replaceFirst("(?m)^(discipline\\.period_months,.*)$",
                "$1\ndiscipline.period_months,2025-07-01,24,TEST-1-2025,3,,thử nghiệm");
        String documents = s.documents() + "TEST-1-2025,Quy định,1-QĐ/TW,Ban tổ chức thử nghiệm,2025-07-01,,"
                + "về kỷ luật,on discipline,,,,,confirmed,Thử nghiệm\n";
        String citations = s.citations() + "DIS-002,,TEST-1-2025,3,,,\n";
        return s.withValues(params).with(RuleSetSource.CITATIONS, citations)
                .with(RuleSetSource.DOCUMENTS, documents);
    }

    static Congress congressOn(LocalDate date) {
        return Congress.builder().id("C1").organisation("Đảng bộ tỉnh Mẫu").level(org.slatecheck.rules.model.Level.PROVINCE)
                .term("2025-2030").referenceMonth(java.time.YearMonth.of(2025, 9)).congressDate(date)
                .listKind(org.slatecheck.rules.model.ListKind.PERSONNEL_PLAN).committeeSeats(1).build();
    }

    static Nominee removedFromPost(LocalDate decided) {
        Nominee n = GuidedRulesTest.nominee("A", Post.COMMITTEE, PoliticalTheory.CAO_CAP);
        return Nominee.builder().congressId("C1").nomineeId("A").fullName(n.getFullName()).sex(n.getSex())
                .birthDate(n.getBirthDate()).ethnicity("Kinh").membership(n.getMembership()).incumbent(false)
                .currentPosts(java.util.Set.of()).proposedPosts(java.util.Set.of(Post.COMMITTEE))
                .politicalTheory(PoliticalTheory.CAO_CAP).education(n.getEducation())
                .politicalConclusion(n.getPoliticalConclusion()).politicalConclusionDate(n.getPoliticalConclusionDate())
                .qualityRatings(java.util.Map.of()).assetDeclaration(true).healthOk(true).relatives(List.of())
                .disciplineForm(DisciplineForm.CACH_CHUC).disciplineDate(decided).build();
    }

    static List<Finding> dis002(RuleSet set, LocalDate congressDate) {
        ScreeningResult r = Screening.screen(set, congressOn(congressDate), List.of(removedFromPost(
                LocalDate.of(2024, 3, 1))));
        return r.nominees().get(0).findings().stream().filter(f -> f.getRuleId().equals("DIS-002")).toList();
    }

    @Test
    void eachCongressUsesTheEntryInForceOnItsDate() {
        RuleSet set = RuleSet.compile(dated());
        // Before 2025-07-01: 12 months from 2024-03-01 lapsed on 2025-03-01 — no finding on 2025-06-30.
        assertThat(dis002(set, LocalDate.of(2025, 6, 30))).isEmpty();
        // From 2025-07-01: 24 months, in force until 2026-03-01, cited by the new entry.
        List<Finding> after = dis002(set, LocalDate.of(2025, 7, 1));
        assertThat(after).hasSize(1);
        assertThat(after.get(0).getEvidence().get("lapsesOn")).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(after.get(0).getCitation()).contains("Quy định 1-QĐ/TW ngày 1/7/2025, Điều 3");
        RuleSetParameters p = set.parameters();
        assertThat(p.at(LocalDate.of(2025, 6, 30)).integer("discipline.period_months")).isEqualTo(12);
        assertThat(p.at(LocalDate.of(2025, 7, 1)).integer("discipline.period_months")).isEqualTo(24);
        assertThat(p.at(LocalDate.of(2025, 7, 1)).source("discipline.period_months"))
                .isEqualTo("TEST-1-2025, Điều 3: thử nghiệm");
    }

    @Test
    void aSwitchTurnsARuleOffOrMovesItsSeverityWithinItsBounds() {
        RuleSetSource s = RuleSetSource.shipped("2025-2030");
        RuleSet off = RuleSet.compile(s.with(RuleSetSource.SWITCHES,
                "rule,enabled,severity,reason,source\nDIS-002,no,,Thử nghiệm,Nghị quyết ban thường vụ số 1\n"));
        assertThat(dis002(off, LocalDate.of(2025, 1, 1))).isEmpty();
        RuleSet on = RuleSet.compile(s);
        assertThat(dis002(on, LocalDate.of(2025, 1, 1))).hasSize(1);
        RuleSet moved = RuleSet.compile(s.with(RuleSetSource.SWITCHES,
                "rule,enabled,severity,reason,source\nHLT-001,yes,INELIGIBLE,Thử nghiệm,Nghị quyết số 2\n"));
        assertThat(moved.switches().severity("HLT-001")).isEqualTo(Severity.INELIGIBLE);
        assertThatThrownBy(() -> RuleSet.compile(s.with(RuleSetSource.SWITCHES,
                "rule,enabled,severity,reason,source\nDIS-002,yes,NOTICE,Thử nghiệm,Nghị quyết số 3\n")))
                .isInstanceOf(ParameterException.class).extracting("key").isEqualTo("severity_not_allowed");
        assertThatThrownBy(() -> RuleSet.compile(s.with(RuleSetSource.SWITCHES,
                "rule,enabled,severity,reason,source\nDIS-002,no,,,Nghị quyết số 3\n")))
                .isInstanceOf(ParameterException.class).extracting("key").isEqualTo("reason_missing");
    }

    @Test
    void refusesBadValuesByParameterWithAReason() {
        RuleSetSource s = RuleSetSource.shipped("2025-2030");
        String params = s.values();
        assertThatThrownBy(() -> RuleSetParameters.parse(s.declarations(), params.replace(
                "discipline.period_months,,12,", "discipline.period_months,,abc,"), "p"))
                .isInstanceOf(ParameterException.class).satisfies(e -> {
                    assertThat(((ParameterException) e).key()).isEqualTo("not_integer");
                    assertThat(((ParameterException) e).field()).isEqualTo("discipline.period_months");
                });
        assertThatThrownBy(() -> RuleSetParameters.parse(s.declarations(), params.replace(
                "discipline.period_months,,12,", "discipline.period_months,,999,"), "p"))
                .extracting("key").isEqualTo("out_of_range");
    }
}
