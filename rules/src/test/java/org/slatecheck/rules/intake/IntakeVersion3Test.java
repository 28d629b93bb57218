package org.slatecheck.rules.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.slatecheck.rules.intake.VietnameseIntakeTest.HEADER;
import static org.slatecheck.rules.intake.VietnameseIntakeTest.ROW;
import static org.slatecheck.rules.intake.VietnameseIntakeTest.errors;
import static org.slatecheck.rules.intake.VietnameseIntakeTest.only;
import static org.slatecheck.rules.intake.VietnameseIntakeTest.read;
import static org.slatecheck.rules.intake.VietnameseIntakeTest.warnings;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slatecheck.rules.engine.RuleSets;
import org.slatecheck.rules.engine.Screening;
import org.slatecheck.rules.engine.ScreeningResult;
import org.slatecheck.rules.text.Messages;
import org.slatecheck.rules.model.Nominee;

/** docs/specification.md section 2 (version 3), the intake: congress columns, ethnicity, relatives, percentages. */
class IntakeVersion3Test {
    /** Every optional congress column present. */
    static final String FULL_CONGRESS = "congress_id,organisation,level,term,list_kind,committee_seats,congress_date,"
            + "province,standing_seats,deputy_secretary_seats,max_committee_seats,merged_units,min_minority_share\n"
            + "C1,Đảng bộ xã Mẫu,COMMUNE,2025-2030,ELECTION_LIST,3,2025-10-15,Ninh Bình,1,1,,1,0.1\n";
    static final String COMMUNE = "congress_id,organisation,level,term,list_kind,committee_seats,congress_date\n"
            + "C1,Đảng bộ xã Mẫu,COMMUNE,2025-2030,ELECTION_LIST,3,2025-10-15\n";

    // --- 1. congress columns left out ---

    @Test
    void listsTheRulesOfAbsentCongressColumnsAsNotCheckedWithAWarning() {
        Intake.Result r = read(COMMUNE, HEADER + "\n" + ROW + "\n");
        assertThat(r.notCheckedFor("C1"))
                .containsEntry("province", List.of("LOC-001"))
                .containsEntry("standing_seats", List.of("NUM-002", "NUM-009", "NUM-010", "NUM-011", "STR-002"))
                .containsEntry("deputy_secretary_seats", List.of("NUM-005", "NUM-008"))
                .containsEntry("merged_units", List.of("NUM-001"))
                .containsEntry("min_minority_share", List.of("STR-005"))
                // The rule set gives a commune's maximum: the higher level's is then not needed.
                .doesNotContainKey("max_committee_seats");
        assertThat(warnings(r)).anySatisfy(w -> assertThat(w).startsWith(
                "congresses.csv:1: column “standing_seats” is absent: ").contains("(NUM-010)", "(STR-002)"));
        assertThat(warnings(r)).anySatisfy(w -> assertThat(w).startsWith(
                "congresses.csv:1: column “merged_units” is absent: ").contains("(NUM-001)"));
        List<String> vi = r.warnings().stream().map(w -> w.format(Messages.of(Messages.VI))).toList();
        assertThat(vi).anySatisfy(w -> assertThat(w).startsWith(
                "congresses.csv:1: không có cột “Số ủy viên thường vụ”: chưa xét "));
        ScreeningResult screened = Screening.screen(RuleSets.shipped("2025-2030"), r.lists().get(0).congress(),
                r.lists().get(0).nominees(), r.notCheckedFor("C1"));
        assertThat(screened.notChecked()).contains("LOC-001", "NUM-001", "NUM-009", "NUM-010", "STR-005");
    }

    @Test
    void listsNothingWhenEveryCongressColumnIsThere() {
        Intake.Result r = read(FULL_CONGRESS, HEADER + "\n" + ROW + "\n");
        assertThat(r.notCheckedFor("C1")).isEqualTo(r.notCheckedByColumn());
        assertThat(warnings(r)).noneMatch(w -> w.startsWith("congresses.csv"));
    }

    @Test
    void leavesOutTheSeatColumnsOfAListThatIsNoCommitteeList() {
        String congress = COMMUNE.replace("ELECTION_LIST", "INSPECTION_LIST");
        Intake.Result r = read(congress, HEADER + "\n" + ROW.replace("COMMITTEE", "INSPECTION_MEMBER") + "\n");
        assertThat(r.notCheckedFor("C1")).containsKey("province").doesNotContainKeys("standing_seats",
                "deputy_secretary_seats", "merged_units", "min_minority_share");
    }

    @Test
    void refusesANearMissHeaderInTheCongressFile() {
        String congress = COMMUNE.replace("committee_seats,congress_date", "committee_seats,congress_date,standing_seat")
                .replace("2025-10-15", "2025-10-15,1");
        assertThat(errors(congress, HEADER + "\n" + ROW + "\n")).anySatisfy(e -> assertThat(e)
                .startsWith("congresses.csv:1:standing_seat: ").contains("standing_seats"));
    }

    /**
     * {@link ColumnRules#CONGRESS_NEEDED_BY} cannot drift from the rules: every decision rule (not a derivation) whose
     * text reads a congress column's property is listed for that column, and every listed rule reads it. NUM-001
     * reads both maximum columns through the derived {@code CommitteeMaximum}.
     */
    @Test
    void theCongressColumnRulesAreTheRulesThatReadThem() throws java.io.IOException {
        java.util.Map<String, String> property = java.util.Map.of("province", "province", "standing_seats",
                "standingSeats", "deputy_secretary_seats", "deputySecretarySeats", "max_committee_seats",
                "CommitteeMaximum", "merged_units", "CommitteeMaximum", "min_minority_share", "minMinorityShare");
        java.util.regex.Pattern rule = java.util.regex.Pattern.compile("(?s)\\nrule\\s+\"[^\"]*\"(.*?)\\nend\\b");
        java.util.regex.Pattern id = java.util.regex.Pattern.compile("@id\\(\"([^\"]+)\"\\)");
        java.util.Map<String, java.util.Set<String>> reading = new java.util.TreeMap<>();
        try (var files = java.nio.file.Files.walk(java.nio.file.Path.of("src/main/resources/org/slatecheck/rules"))) {
            for (java.nio.file.Path f : files.filter(x -> x.toString().endsWith(".drl")).toList()) {
                var m = rule.matcher(java.nio.file.Files.readString(f));
                while (m.find()) {
                    String body = m.group(1);
                    var i = id.matcher(body);
                    if (!i.find() || body.contains("@derives(")) {
                        continue;
                    }
                    String when = body.substring(body.indexOf("when"), body.indexOf("then"));
                    property.forEach((column, p) -> {
                        if (java.util.regex.Pattern.compile("\\b" + p + "\\b").matcher(when).find()) {
                            reading.computeIfAbsent(column, k -> new java.util.TreeSet<>()).add(i.group(1));
                        }
                    });
                }
            }
        }
        java.util.Map<String, java.util.Set<String>> listed = new java.util.TreeMap<>();
        ColumnRules.CONGRESS_NEEDED_BY.forEach((column, rules) -> listed.put(column, new java.util.TreeSet<>(rules)));
        assertThat(listed).isEqualTo(reading);
    }

    // --- 2. ethnicity ---

    @ParameterizedTest
    @ValueSource(strings = {"Kinh", "kinh", "Việt", "Dân tộc Kinh", "Kinh (Việt)", "\u200BKinh\u200B", "Ｋｉｎｈ",
            "Kinh（Việt）", "dân tộc Việt", "\uFEFFViệt\u00A0"})
    void readsTheWaysOfWritingKinhAsKinh(String written) {
        Nominee n = only(read(FULL_CONGRESS, HEADER + ",ethnicity\n" + ROW + ",\"" + written + "\"\n"));
        assertThat(n.getEthnicity()).isEqualTo("Kinh");
        assertThat(n.isMinority()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"-", "–", "Không", "không có", "KHÔNG CÓ", "chưa có", "N/A", "...", "\u200B-"})
    void readsPlaceholdersAsAnEmptyEthnicity(String written) {
        Intake.Result r = read(FULL_CONGRESS, HEADER + ",ethnicity\n" + ROW + ",\"" + written + "\"\n");
        assertThat(only(r).getEthnicity()).isNull();
        assertThat(only(r).isMinority()).isFalse();
        // Where the minority share is set, the empty ethnicity is missing data (DAT-001), not a Kinh or minority.
        ScreeningResult screened = Screening.screen(RuleSets.shipped("2025-2030"), r.lists().get(0).congress(),
                r.lists().get(0).nominees(), r.notCheckedFor("C1"));
        assertThat(screened.nominees().get(0).findings()).anySatisfy(f -> assertThat(f.getRuleId())
                .isEqualTo("DAT-001"));
    }

    @Test
    void keepsAMinorityEthnicityAsWritten() {
        Nominee n = only(read(FULL_CONGRESS, HEADER + ",ethnicity\n" + ROW + ",Tày\n"));
        assertThat(n.getEthnicity()).isEqualTo("Tày");
        assertThat(n.isMinority()).isTrue();
    }

    // --- 3. relatives ---

    static final String REL_HEADER = HEADER + ",relatives";

    @Test
    void joinsRelativesWithoutCaseAndInvisibleCharacters() {
        Intake.Result r = read(FULL_CONGRESS, REL_HEADER + "\n"
                + "NS01,Nguyễn Văn An,M,1970-05-12,OFFICIAL,true,SECRETARY,\"ns02\u200B\"\n"
                + "NS02,Trần Thị Bình,F,1972-05-12,OFFICIAL,true,DEPUTY_SECRETARY,\n"
                + "NS03,Lê Văn Cường,M,1972-05-12,OFFICIAL,true,COMMITTEE,\n");
        Nominee first = r.lists().get(0).nominees().get(0);
        assertThat(first.getRelatives()).containsExactly("NS02");
        assertThat(warnings(r)).noneMatch(w -> w.contains("relative"));
        ScreeningResult screened = Screening.screen(RuleSets.shipped("2025-2030"), r.lists().get(0).congress(),
                r.lists().get(0).nominees(), r.notCheckedFor("C1"));
        assertThat(screened.nominees().get(0).findings()).anySatisfy(f -> assertThat(f.getRuleId())
                .isEqualTo("FAM-001"));
    }

    @Test
    void warnsAboutARelativeWhoIsNotOnTheList() {
        Intake.Result r = read(FULL_CONGRESS, REL_HEADER + "\n"
                + "NS01,Nguyễn Văn An,M,1970-05-12,OFFICIAL,true,SECRETARY,NS02;NS09\n"
                + "NS02,Trần Thị Bình,F,1972-05-12,OFFICIAL,true,DEPUTY_SECRETARY,\n");
        assertThat(r.lists().get(0).nominees().get(0).getRelatives()).containsExactly("NS02");
        assertThat(warnings(r)).contains("nominees.csv:2: relative “NS09” is not on the congress's list of "
                + "nominees: this relation is not checked");
        assertThat(r.warnings().stream().map(w -> w.format(Messages.of(Messages.VI)))).contains("nominees.csv:2: "
                + "người thân “NS09” không có trong danh sách nhân sự của đại hội: không xét quan hệ này");
    }

    @ParameterizedTest
    @ValueSource(strings = {"NS02/NS03", "NS02|NS03", "NS02 & NS03", "NS02+NS03"})
    void refusesOtherSeparatorsInRelatives(String written) {
        String sep = written.replaceAll("[A-Z0-9 ]", "");
        assertThat(errors(FULL_CONGRESS, REL_HEADER + "\n"
                + "NS01,Nguyễn Văn An,M,1970-05-12,OFFICIAL,true,SECRETARY," + written + "\n"
                + "NS02,Trần Thị Bình,F,1972-05-12,OFFICIAL,true,DEPUTY_SECRETARY,\n"
                + "NS03,Lê Văn Cường,M,1972-05-12,OFFICIAL,true,COMMITTEE,\n")).containsExactly(
                        "nominees.csv:2:relatives: relatives must be separated by “;” or “,”, not “" + sep + "”");
    }

    @Test
    void refusesALineBreakBetweenRelatives() {
        assertThat(errors(FULL_CONGRESS, REL_HEADER + "\n"
                + "NS01,Nguyễn Văn An,M,1970-05-12,OFFICIAL,true,SECRETARY,\"NS02\nNS03\"\n"
                + "NS02,Trần Thị Bình,F,1972-05-12,OFFICIAL,true,DEPUTY_SECRETARY,\n")).containsExactly(
                        "nominees.csv:2:relatives: relatives must be separated by “;” or “,”, not “↵”");
    }

    @Test
    void refusesNomineeIdsEqualWithoutCaseAndInvisibleCharacters() {
        assertThat(errors(FULL_CONGRESS, HEADER + "\n" + ROW.replace("A,", "ns01,") + "\n"
                + ROW.replace("A,", "\"NS01\u200B\",") + "\n")).containsExactly(
                        "nominees.csv:3:nominee_id: nominee id “NS01\u200B” is already used on line 2 for the same "
                                + "congress");
    }

    // --- 5. percentages ---

    @ParameterizedTest
    @ValueSource(strings = {"8%", "8 %", "8,0%", "8.0%"})
    void readsAPercentageShare(String written) {
        Nominee n = only(read(FULL_CONGRESS, HEADER + ",low_confidence_share\n" + ROW + ",\"" + written + "\"\n"));
        assertThat(n.getLowConfidenceShare()).isEqualByComparingTo(new BigDecimal("0.08"));
    }

    @Test
    void refusesAPercentageAboveAHundred() {
        assertThat(errors(FULL_CONGRESS, HEADER + ",low_confidence_share\n" + ROW + ",120%\n")).containsExactly(
                "nominees.csv:2:low_confidence_share: “120%” is not a decimal from 0 to 1 (e.g. 0.15 or 15%)");
    }

    @Test
    void readsAPercentageMinorityShare() {
        Intake.Result r = read(FULL_CONGRESS.replace(",0.1\n", ",15%\n"), HEADER + "\n" + ROW + "\n");
        assertThat(r.lists().get(0).congress().getMinMinorityShare()).isEqualByComparingTo(new BigDecimal("0.15"));
    }
}
