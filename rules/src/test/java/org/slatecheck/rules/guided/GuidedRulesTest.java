package org.slatecheck.rules.guided;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.slatecheck.rules.engine.Finding;
import org.slatecheck.rules.engine.NomineeResult;
import org.slatecheck.rules.engine.RuleSet;
import org.slatecheck.rules.engine.RuleSetSource;
import org.slatecheck.rules.engine.Screening;
import org.slatecheck.rules.engine.ScreeningResult;
import org.slatecheck.rules.explain.Explainer;
import org.slatecheck.rules.explain.GuidedSentence;
import org.slatecheck.rules.text.Messages;
import org.slatecheck.rules.model.Congress;
import org.slatecheck.rules.model.Conclusion;
import org.slatecheck.rules.model.Education;
import org.slatecheck.rules.model.Level;
import org.slatecheck.rules.model.ListKind;
import org.slatecheck.rules.model.Membership;
import org.slatecheck.rules.model.Nominee;
import org.slatecheck.rules.model.PoliticalTheory;
import org.slatecheck.rules.model.Post;
import org.slatecheck.rules.model.Severity;
import org.slatecheck.rules.model.Sex;
import org.slatecheck.rules.params.ParameterException;
import org.slatecheck.rules.params.RuleSetParameters;

/**
 * A board's criterion as data: "proposed for SECRETARY needs political theory CU_NHAN" is validated, turned into DRL
 * by the fixed template, compiled with the shipped rules and fires with its own wording; hostile text stays text.
 */
public class GuidedRulesTest {
    static final String HOSTILE = "\" + System.exit(1) + \" \\u0022 ${7*7} #{7*7} *{x} __${x}__ '); DROP TABLE x; --";

    static String secretaryRule(String title) {
        return """
                id: POS-901
                severity: REVIEW
                when:
                  - {field: proposed_posts, op: proposes, value: SECRETARY}
                  - {field: political_theory, op: lt, value: CU_NHAN}
                evidence: [political_theory]
                title: {vi: "%s", en: "Secretary without a bachelor's degree in political theory"}
                message: {vi: "Trình độ lý luận chính trị: {political_theory}", en: "Political theory: {political_theory}"}
                remedy: {vi: "Cử đi học cử nhân chính trị", en: "Send for a bachelor's in political theory"}
                citation: "Quy định 214-QĐ/TW ngày 2/1/2020 (tiêu chuẩn bí thư)"
                """.formatted(title.replace("\\", "\\\\").replace("\"", "\\\""));
    }

    static RuleSet withGuided(String yaml) {
        return RuleSet.compile(RuleSetSource.shipped("2025-2030").with("guided/POS-901.yaml", yaml));
    }

    static Congress congress() {
        return Congress.builder().id("C1").organisation("Đảng bộ tỉnh Mẫu").level(Level.PROVINCE).term("2025-2030")
                .province("Ninh Bình").referenceMonth(java.time.YearMonth.of(2025, 9))
                .congressDate(LocalDate.of(2025, 9, 1)).listKind(ListKind.PERSONNEL_PLAN).committeeSeats(2).build();
    }

    public static Nominee nominee(String id, Post post, PoliticalTheory theory) {
        return Nominee.builder().congressId("C1").nomineeId(id).fullName("Nguyễn Văn " + id).sex(Sex.M)
                .birthDate(LocalDate.of(1975, 1, 1)).ethnicity("Kinh").membership(Membership.OFFICIAL)
                .incumbent(false).currentPosts(java.util.Set.of()).proposedPosts(java.util.Set.of(post))
                .politicalTheory(theory).education(Education.MASTER).politicalConclusion(Conclusion.MET)
                .politicalConclusionDate(LocalDate.of(2025, 6, 1)).qualityRatings(java.util.Map.of())
                .assetDeclaration(true).healthOk(true).relatives(List.of()).build();
    }

    @Test
    void flagsSecretaryBelowBachelorAndPassesAtBachelor() {
        RuleSet set = withGuided(secretaryRule("Bí thư chưa có cử nhân chính trị"));
        ScreeningResult r = Screening.screen(set, congress(), List.of(
                nominee("A", Post.SECRETARY, PoliticalTheory.CAO_CAP),
                nominee("B", Post.SECRETARY, PoliticalTheory.CU_NHAN),
                nominee("C", Post.COMMITTEE, PoliticalTheory.CAO_CAP)));
        List<Finding> a = findings(r, "A");
        assertThat(a).extracting(Finding::getRuleId).contains("POS-901");
        Finding f = a.stream().filter(x -> x.getRuleId().equals("POS-901")).findFirst().orElseThrow();
        assertThat(f.getCitation()).isEqualTo("Quy định 214-QĐ/TW ngày 2/1/2020 (tiêu chuẩn bí thư)");
        Explainer vi = new Explainer(Messages.of(Messages.VI));
        Explainer en = new Explainer(Messages.of(Messages.EN));
        assertThat(vi.title(f)).isEqualTo("Bí thư chưa có cử nhân chính trị");
        assertThat(vi.message(f)).isEqualTo("Trình độ lý luận chính trị: " + vi.format("CAO_CAP"));
        assertThat(en.remedy(f)).isEqualTo("Send for a bachelor's in political theory");
        assertThat(findings(r, "B")).extracting(Finding::getRuleId).doesNotContain("POS-901");
        assertThat(findings(r, "C")).extracting(Finding::getRuleId).doesNotContain("POS-901");
    }

    @Test
    void hostileTextStaysDataAndNeverEntersTheRule() {
        RuleSet set = withGuided(secretaryRule(HOSTILE));
        String drl = set.guided().drl().values().iterator().next();
        assertThat(drl).doesNotContain("System").doesNotContain("DROP").doesNotContain("${")
                .doesNotContain("Quy định");
        ScreeningResult r = Screening.screen(set, congress(), List.of(nominee("A", Post.SECRETARY,
                PoliticalTheory.TRUNG_CAP)));
        Finding f = findings(r, "A").stream().filter(x -> x.getRuleId().equals("POS-901")).findFirst()
                .orElseThrow();
        assertThat(new Explainer(Messages.of(Messages.VI)).title(f)).isEqualTo(HOSTILE);
    }

    @Test
    void refusesWhatIsNotInTheCatalogueOrNotTyped() {
        RuleSetParameters p = RuleSetSource.shipped("2025-2030").parameterSet();
        String base = secretaryRule("t");
        assertThatThrownBy(() -> GuidedRules.read(base.replace("field: political_theory", "field: System.exit"), p))
                .isInstanceOf(ParameterException.class).extracting("key").isEqualTo("field_unknown");
        assertThatThrownBy(() -> GuidedRules.read(base.replace("op: lt", "op: matches"), p))
                .extracting("key").isEqualTo("operator_not_allowed");
        assertThatThrownBy(() -> GuidedRules.read(base.replace("value: CU_NHAN", "value: \"CU_NHAN) || true || (\""), p))
                .extracting("key").isEqualTo("code_unknown");
        assertThatThrownBy(() -> GuidedRules.read(base.replace("id: POS-901", "id: \"X\\\"; rule\""), p))
                .extracting("key").isEqualTo("guided_id");
        assertThatThrownBy(() -> GuidedRules.read("!!javax.script.ScriptEngineManager [[]]", p))
                .extracting("key").isEqualTo("yaml");
        assertThatThrownBy(() -> GuidedRules.read(base.replace("- {field: political_theory, op: lt, value: CU_NHAN}",
                "- {field: age, op: ge, parameter: \"x\\\") || true\"}"), p)).extracting("key").isEqualTo("unknown");
        assertThatThrownBy(() -> GuidedRules.read(base.replace("- {field: political_theory, op: lt, value: CU_NHAN}",
                "- {field: age, op: ge, value: \"40; System.exit(1)\"}"), p)).extracting("key")
                .isEqualTo("not_integer");
    }

    /** A board's rule has the metadata shape of a shipped rule's folder (issue 18 item 4). */
    @Test
    void aGuidedRuleHasTheMetadataShapeOfAShippedRule() {
        var p = RuleSetSource.shipped("2025-2030").parameterSet();
        var meta = GuidedRules.read(secretaryRule("Bí thư chưa có cử nhân chính trị").replace(
                "- {field: political_theory, op: lt, value: CU_NHAN}",
                "- {field: political_theory, op: lt, value: CU_NHAN}\n  - {field: remaining_months, op: lt, "
                        + "parameter: age.first_time_min_months}"), p).meta();
        var shipped = org.slatecheck.rules.catalogue.RuleCatalogue.shipped().rule("EDU-001");
        assertThat(meta.getClass()).isEqualTo(shipped.getClass());
        assertThat(meta.id()).isEqualTo("POS-901");
        assertThat(meta.family()).isEqualTo("POS");
        assertThat(meta.severity()).containsExactly(Severity.REVIEW);
        assertThat(meta.severities()).containsExactly(Severity.REVIEW);
        // proposed_posts is a required column; political_theory is optional, as for EDU-001.
        assertThat(meta.columns()).containsExactly("political_theory").isEqualTo(shipped.columns());
        assertThat(meta.parameters()).containsExactly("age.first_time_min_months");
        assertThat(meta.vi()).containsOnlyKeys("title.POS-901", "message.POS-901", "remedy.POS-901")
                .containsEntry("title.POS-901", "Bí thư chưa có cử nhân chính trị");
        assertThat(meta.en().keySet()).isEqualTo(meta.vi().keySet());
        assertThat(shipped.vi().keySet()).allMatch(k -> k.matches("(title|message|remedy)\\.EDU-001(\\..*)?"));
    }

    @Test
    void parameterReferenceReadsTheTermsValue() {
        String yaml = secretaryRule("t").replace("- {field: political_theory, op: lt, value: CU_NHAN}",
                "- {field: remaining_months, op: lt, parameter: age.first_time_min_months}");
        RuleSet set = withGuided(yaml);
        // Born 1968-01 → retires 2030-04 (62 y in 2028+... Decree 135) at reference 2025-09: well under 60 months.
        Nominee old = Nominee.builder().congressId("C1").nomineeId("O").fullName("Trần Văn O").sex(Sex.M)
                .birthDate(LocalDate.of(1968, 1, 1)).ethnicity("Kinh").membership(Membership.OFFICIAL)
                .incumbent(true).currentPosts(java.util.Set.of(Post.SECRETARY))
                .proposedPosts(java.util.Set.of(Post.SECRETARY)).politicalTheory(PoliticalTheory.CU_NHAN)
                .education(Education.MASTER).politicalConclusion(Conclusion.MET)
                .politicalConclusionDate(LocalDate.of(2025, 6, 1)).qualityRatings(java.util.Map.of())
                .assetDeclaration(true).healthOk(true).relatives(List.of()).consecutiveTerms(0).build();
        ScreeningResult r = Screening.screen(set, congress(), List.of(old,
                nominee("Y", Post.SECRETARY, PoliticalTheory.CU_NHAN)));
        assertThat(findings(r, "O")).extracting(Finding::getRuleId).contains("POS-901");
        assertThat(findings(r, "Y")).extracting(Finding::getRuleId).doesNotContain("POS-901");
    }

    @Test
    void readsAsASentenceInBothLanguages() {
        RuleSetParameters p = RuleSetSource.shipped("2025-2030").parameterSet();
        GuidedRule r = GuidedRules.read(secretaryRule("Bí thư chưa có cử nhân chính trị"), p);
        String vi = GuidedSentence.of(r, Messages.of(Messages.VI));
        assertThat(vi).startsWith("Nếu nhân sự").contains("bí thư").contains("cử nhân").contains(" và ")
                .contains("Bí thư chưa có cử nhân chính trị");
        String en = GuidedSentence.of(r, Messages.of(Messages.EN));
        assertThat(en).startsWith("If a nominee").contains(" and ");
    }

    private static List<Finding> findings(ScreeningResult r, String id) {
        return r.nominees().stream().filter(n -> n.nominee().getNomineeId().equals(id)).findFirst()
                .map(NomineeResult::findings).orElseThrow();
    }

    @Test
    void aGuidedRuleHasRuleCasesOfItsOwn() {
        String cases = """
                rules: [POS-901]
                cases:
                  - name: a secretary with CAO_CAP needs review
                    nominees:
                      - {nominee_id: S, proposed_posts: SECRETARY, political_theory: CAO_CAP, consecutive_terms: "0"}
                    expect:
                      - {nominee: S, rule: POS-901, severity: REVIEW, evidence: {political_theory: CAO_CAP}}
                  - name: a secretary with CU_NHAN passes
                    nominees:
                      - {nominee_id: S, proposed_posts: SECRETARY, political_theory: CU_NHAN, consecutive_terms: "0"}
                    expect: []
                """;
        RuleSetSource source = RuleSetSource.shipped("2025-2030")
                .with("guided/POS-901.yaml", secretaryRule("Bí thư chưa có cử nhân chính trị"))
                .with("guided/POS-901.cases.yaml", cases);
        for (var c : org.slatecheck.rules.cases.CaseFile.parse("guided/POS-901.cases.yaml", cases)) {
            assertThat(org.slatecheck.rules.cases.CaseRunner.problems(c, source)).as(c.displayName()).isEmpty();
        }
    }

    // ---- literals are read by their type once: "060" is 60, never the octal 48 ---------------------------------

    static String complaintsRule(String value) {
        return secretaryRule("Bí thư còn đơn thư").replace("- {field: political_theory, op: lt, value: CU_NHAN}",
                "- {field: unresolved_complaints, op: ge, value: " + value + "}")
                .replace("evidence: [political_theory]", "evidence: [unresolved_complaints]");
    }

    static Nominee withComplaints(String id, int complaints) {
        return Nominee.builder().congressId("C1").nomineeId(id).fullName("Nguyễn Văn " + id).sex(Sex.M)
                .birthDate(LocalDate.of(1975, 1, 1)).ethnicity("Kinh").membership(Membership.OFFICIAL)
                .incumbent(false).currentPosts(java.util.Set.of()).proposedPosts(java.util.Set.of(Post.SECRETARY))
                .politicalTheory(PoliticalTheory.CU_NHAN).education(Education.MASTER)
                .politicalConclusion(Conclusion.MET).politicalConclusionDate(LocalDate.of(2025, 6, 1))
                .qualityRatings(java.util.Map.of()).assetDeclaration(true).healthOk(true).relatives(List.of())
                .unresolvedComplaints(complaints).build();
    }

    @Test
    void aLeadingZeroIsDecimalNeverOctalInTheRuleAndTheSentence() {
        for (String typed : List.of("\"060\"", "060", "\"60\"")) {
            RuleSet set = withGuided(complaintsRule(typed));
            String drl = set.guided().drl().values().iterator().next();
            assertThat(drl).as(typed).contains("unresolvedComplaints >= 60").doesNotContain("060").doesNotContain("48");
            ScreeningResult r = Screening.screen(set, congress(), List.of(withComplaints("A", 59),
                    withComplaints("B", 60), withComplaints("C", 61)));
            assertThat(findings(r, "A")).as(typed).extracting(Finding::getRuleId).doesNotContain("POS-901");
            assertThat(findings(r, "B")).as(typed).extracting(Finding::getRuleId).contains("POS-901");
            assertThat(findings(r, "C")).as(typed).extracting(Finding::getRuleId).contains("POS-901");
            GuidedRule rule = set.guidedRule("POS-901");
            assertThat(rule.conditions().get(1).values()).containsExactly("60");
            String vi = GuidedSentence.of(rule, Messages.of(Messages.VI));
            assertThat(vi).as(typed).contains("số đơn thư chưa giải quyết từ 60 trở lên").doesNotContain("060");
            assertThat(GuidedSentence.of(rule, Messages.of(Messages.EN))).contains(" 60").doesNotContain("060");
        }
    }

    @Test
    void zeroNineIsNineAndNoCompilerTextEverReachesTheBoard() {
        RuleSet set = withGuided(complaintsRule("\"09\""));
        assertThat(set.guided().drl().values().iterator().next()).contains("unresolvedComplaints >= 9")
                .doesNotContain("09");
        ScreeningResult r = Screening.screen(set, congress(), List.of(withComplaints("A", 8),
                withComplaints("B", 9)));
        assertThat(findings(r, "A")).extracting(Finding::getRuleId).doesNotContain("POS-901");
        assertThat(findings(r, "B")).extracting(Finding::getRuleId).contains("POS-901");
        assertThat(GuidedSentence.of(set.guidedRule("POS-901"), Messages.of(Messages.VI))).contains("từ 9 trở lên");

        RuleSetParameters p = RuleSetSource.shipped("2025-2030").parameterSet();
        for (String bad : List.of("\"0x3C\"", "\"6 0\"", "\"1e3\"", "\"9999999999\"", "\"٦٠\"")) {
            assertThatThrownBy(() -> GuidedRules.read(complaintsRule(bad), p)).as(bad)
                    .isInstanceOf(ParameterException.class).extracting("key").isEqualTo("not_integer");
        }
        // Should generated rules ever fail to compile, the board reads which rule, in words, without class names.
        GuidedRules guided = GuidedRules.parse(java.util.Map.of("guided/POS-901.yaml", complaintsRule("9")), p);
        ParameterException e = guided.compileError(List.of("src/main/java/org/slatecheck/rules/guided/PB9/"
                + "LambdaPredicateB98B3122A567ED83B259E581E3922BF1.java:26: The literal 09 of type int is out of range "));
        assertThat(e.key()).isEqualTo("guided_compile");
        for (Messages m : List.of(Messages.of(Messages.VI), Messages.of(Messages.EN))) {
            String text = m.text("data.error." + e.key(), e.args().toArray());
            assertThat(text).contains("POS-901").doesNotContain("Lambda").doesNotContain(".java")
                    .doesNotContain("literal");
        }
        assertThat(guided.compileError(List.of("src/main/java/org/slatecheck/rules/HLT/Rules.java:3: x"))).isNull();
    }

    @Test
    void decimalsDatesAndYesNoAreCanonicalAndExact() {
        Catalogue.Field share = new Catalogue.Field("share", Catalogue.Source.NOMINEE, "decimal", false, false,
                "share", "$n.getShare()", "tỷ lệ", "share");
        assertThat(GuidedRules.literal(share, "ge", "060.50")).isEqualTo(new GuidedRules.Literal("60.5",
                "new java.math.BigDecimal(\"60.5\")"));
        assertThat(GuidedRules.literal(share, "ge", "0,1").java()).isEqualTo("new java.math.BigDecimal(\"0.1\")");
        assertThat(GuidedRules.literal(share, "ge", "-0.000").canonical()).isEqualTo("0");
        assertThatThrownBy(() -> GuidedRules.literal(share, "ge", "1e3")).extracting("key").isEqualTo("not_decimal");
        Catalogue.Field date = Catalogue.FIELDS.get("discipline_date");
        assertThat(GuidedRules.literal(date, "lt", "2026-01-31").java()).isEqualTo("java.time.LocalDate.of(2026, 1, 31)");
        assertThat(GuidedRules.literal(date, "lt", "31/01/2026").canonical()).isEqualTo("2026-01-31");
        assertThatThrownBy(() -> GuidedRules.literal(date, "lt", "31/02/2026")).extracting("key").isEqualTo("not_date");
        Catalogue.Field health = Catalogue.FIELDS.get("health_ok");
        assertThat(GuidedRules.literal(health, "eq", "có").canonical()).isEqualTo("true");
        assertThat(GuidedRules.literal(health, "eq", "no").java()).isEqualTo("false");

        RuleSetParameters p = RuleSetSource.shipped("2025-2030").parameterSet();
        // Unquoted YAML dates and yes/no are read by the field's type, not as YAML 1.1 timestamps and booleans.
        GuidedRule r = GuidedRules.read(secretaryRule("t").replace("- {field: political_theory, op: lt, value: CU_NHAN}",
                "- {field: discipline_date, op: ge, value: 2024-06-01}\n  - {field: health_ok, op: eq, value: yes}"), p);
        assertThat(r.conditions().get(1).values()).containsExactly("2024-06-01");
        assertThat(r.conditions().get(2).values()).containsExactly("true");
        assertThat(GuidedSentence.of(r, Messages.of(Messages.VI))).contains("01/06/2024").contains("đủ sức khỏe là có");
    }

    // ---- board wording: no control or text-direction characters ------------------------------------------------

    @Test
    void controlAndBidiCharactersInWordingAreRefusedByTheFieldInWords() {
        RuleSetParameters p = RuleSetSource.shipped("2025-2030").parameterSet();
        String base = secretaryRule("x");
        record Case(String yaml, String field, String vi, String en) {
        }
        for (Case c : List.of(
                new Case(base.replace("vi: \"x\"", "vi: \"Bí thư\\u0000 chưa có\""), "title.vi",
                        "Tiêu đề tiếng Việt", "Vietnamese title"),
                new Case(base.replace("vi: \"x\"", "vi: \"Bí thư \u202E chưa có\""), "title.vi",
                        "Tiêu đề tiếng Việt", "Vietnamese title"),
                new Case(base.replace("en: \"Political theory", "en: \"\\u2066Political theory"), "message.en",
                        "Nội dung thông báo tiếng Anh", "English message"),
                new Case(base.replace("Cử đi học", "Cử\\x1b[31m đi học"), "remedy.vi", "Hướng xử lý tiếng Việt",
                        "Vietnamese remedy"),
                new Case(base.replace("Quy định 214", "Quy định\\x85 214"), "citation", "Văn bản căn cứ",
                        "citation"))) {
            ParameterException e = catchThrowableOfType(() -> GuidedRules.read(c.yaml(), p), ParameterException.class);
            assertThat(e).as(c.field()).isNotNull();
            assertThat(e.key()).as(c.field()).isEqualTo("control_character");
            assertThat(e.field()).isEqualTo(c.field());
            assertThat(Messages.of(Messages.VI).text("data.error.control_character", e.args().toArray()))
                    .startsWith(c.vi() + " chứa một ký tự điều khiển");
            assertThat(Messages.of(Messages.EN).text("data.error.control_character", e.args().toArray()))
                    .startsWith("The " + c.en() + " contains");
        }
        // Typed into the file itself (not as an escape): refused by its line, in words, before YAML reads it.
        ParameterException raw = catchThrowableOfType(() -> GuidedRules.read(base.replace("vi: \"x\"", "vi: \"a\u0000b\""),
                p), ParameterException.class);
        assertThat(raw.key()).isEqualTo("control_character_line");
        assertThat(Messages.of(Messages.VI).text("data.error.control_character_line", raw.args().toArray()))
                .startsWith("Dòng 7 của tệp").contains("U+0000");
        // Tabs and line breaks in wording are ordinary typing.
        GuidedRule ok = GuidedRules.read(base.replace("Cử đi học", "Cử\\tđi học\\n"), p);
        assertThat(ok.text("remedy", "vi")).startsWith("Cử\tđi học");
    }
}
