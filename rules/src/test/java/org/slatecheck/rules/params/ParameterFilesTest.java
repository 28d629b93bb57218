package org.slatecheck.rules.params;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.slatecheck.rules.engine.RuleInfo;
import org.slatecheck.rules.engine.RuleSet;
import org.slatecheck.rules.engine.RuleSetSource;
import org.slatecheck.rules.engine.RuleSets;

/**
 * Parameters are declared once for every term ({@code data/parameters.csv}) and valued per term
 * ({@code data/rulesets/TERM/values.csv}); each value names its source document of the registry or says it is a
 * board parameter; no note — of a value or of a citation — restates a threshold (the finding messages take it from
 * the parameter).
 */
class ParameterFilesTest {
    private static final Path DATA = Path.of("../data");
    private static final String BOARD = "Tham số của ban tổ chức";

    @Test
    void everyParameterIsDeclaredOnceAndNoTermFolderDeclaresOne() throws IOException {
        List<String> ids = new ArrayList<>();
        for (String line : Files.readAllLines(DATA.resolve("parameters.csv")).subList(1,
                Files.readAllLines(DATA.resolve("parameters.csv")).size())) {
            ids.add(line.substring(0, line.indexOf(',')));
        }
        assertThat(ids).doesNotHaveDuplicates().contains("retirement.age_months.M", "retirement.age_months.F");
        assertThat(RuleSetSource.shippedDeclarations()).isEqualTo(Files.readString(DATA.resolve("parameters.csv")));
        try (Stream<Path> terms = Files.list(DATA.resolve("rulesets"))) {
            for (Path term : terms.filter(Files::isDirectory).toList()) {
                assertThat(term.resolve("parameters.csv")).as("no declarations in a term folder").doesNotExist();
                String header = Files.readAllLines(term.resolve("values.csv")).get(0);
                assertThat(header).isEqualTo(String.join(",", RuleSetParameters.HEADER));
            }
        }
        // A values file naming a parameter the release does not declare is refused, in words.
        RuleSetSource s = RuleSetSource.shipped("2025-2030");
        ParameterException e = org.assertj.core.api.Assertions.catchThrowableOfType(() -> RuleSetParameters.parse(
                s.declarations(), s.values() + "x.undeclared,,1,,,,Tham số của ban tổ chức\n", "values.csv"),
                ParameterException.class);
        assertThat(e.key()).isEqualTo("not_declared");
        assertThat(e.field()).isEqualTo("x.undeclared");
        // What rests on a document besides the rules' citations (for the documents page).
        assertThat(s.parameterSet().citing("ND-135-2020")).containsExactly("retirement.age_months.M",
                "retirement.age_months.F");
        // The same declarations serve every term: both terms read them from the one file.
        for (String term : RuleSets.terms()) {
            assertThat(RuleSetSource.shipped(term).declarations()).isEqualTo(s.declarations());
        }
    }

    @Test
    void aVersionStoredInTheFormerFormatStillReads() {
        String former = "parameter,type,min,max,unit,board_parameter,label_vi,label_en,from,value,source\n"
                + "ruleset.version,text,,,,no,Phiên bản bộ quy tắc,Rule set version,,2025-2030.8,Bộ quy tắc\n"
                + "retirement.schedule,code:RetirementSchedule,,,,no,Lộ trình tuổi nghỉ hưu,Retirement age schedule,,"
                + "DECREE_135,Nghị định 135/2020/NĐ-CP Điều 4\n"
                + "discipline.period_months,integer,0,240,tháng,no,Thời hạn,Period,,12,Quy định 69-QĐ/TW\n"
                + "discipline.period_months,,,,,,,,2025-07-01,24,Quy định mới\n";
        RuleSetSource stored = RuleSetSource.shipped("2025-2030").with(RuleSetSource.PARAMETERS, former)
                .with(RuleSetSource.VALUES, null);
        RuleSetParameters p = stored.parameterSet();
        assertThat(p.version()).isEqualTo("2025-2030.8");
        assertThat(p.at(LocalDate.of(2025, 7, 1)).integer("discipline.period_months")).isEqualTo(24);
        assertThat(p.at(LocalDate.of(2025, 7, 1)).source("discipline.period_months")).isEqualTo("Quy định mới");
    }

    @Test
    void everyValueCitesARegistryDocumentInForceOrSaysItIsABoardParameter() {
        for (String id : RuleSets.terms()) {
            RuleSet set = RuleSet.compile(RuleSetSource.shipped(id));
            Documents documents = set.citations().documents();
            LocalDate seasonFrom = set.term().seasonFrom();
            LocalDate seasonTo = set.term().seasonTo();
            set.parameters().entries().forEach((name, list) -> {
                ParameterDeclaration d = set.parameters().declarations().get(name);
                for (int i = 0; i < list.size(); i++) {
                    Parameter p = list.get(i);
                    String where = id + " " + name + " " + p.from();
                    if (p.document().isEmpty()) {
                        if (name.equals("ruleset.version")) {
                            continue;
                        }
                        assertThat(d.boardParameter()).as(where + ": a value without a document is a board's")
                                .isTrue();
                        assertThat(p.note()).as(where).startsWith(BOARD);
                        continue;
                    }
                    Documents.Document doc = documents.get(p.document());
                    assertThat(doc).as(where + ": " + p.document() + " in the registry").isNotNull();
                    if (d.byAgeReached()) {
                        continue;
                    }
                    // In force on some day of the value's period within the term's season.
                    LocalDate from = p.from() == null || p.from().isBefore(seasonFrom) ? seasonFrom : p.from();
                    LocalDate to = i + 1 < list.size() ? list.get(i + 1).from().minusDays(1) : seasonTo;
                    boolean inForce = false;
                    for (LocalDate day = from; !day.isAfter(to) && !inForce; day = day.plusDays(1)) {
                        inForce = doc.inForce(day);
                    }
                    assertThat(inForce).as(where + ": " + p.document() + " in force between " + from + " and " + to)
                            .isTrue();
                }
            });
        }
    }

    @Test
    void noValueNoteRestatesTheValue() {
        for (String id : RuleSets.terms()) {
            RuleSetParameters params = RuleSetSource.shipped(id).parameterSet();
            params.entries().forEach((name, list) -> {
                Set<String> values = new HashSet<>();
                list.forEach(p -> values.addAll(spellings(params.declarations().get(name), p)));
                for (Parameter p : list) {
                    if (values.isEmpty()) {
                        break;
                    }
                    assertThat(numbers(p.note())).as(id + " " + name + ": note «" + p.note() + "»")
                            .doesNotContainAnyElementsOf(values);
                }
            });
        }
    }

    @Test
    void noCitationNoteRestatesAValueOfItsRule() {
        for (String id : RuleSets.terms()) {
            RuleSet set = RuleSet.compile(RuleSetSource.shipped(id));
            Map<String, RuleInfo> rules = set.decisionRules();
            for (Citations.Entry c : set.citations().entries()) {
                Set<String> values = new HashSet<>();
                List<String> names = new ArrayList<>();
                if (rules.containsKey(c.rule())) {
                    names.addAll(rules.get(c.rule()).parameterNames());
                }
                if (c.parameter() != null && !c.parameter().isEmpty()) {
                    names.add(c.parameter());
                }
                for (String name : expand(names, set.parameters().declarations().keySet())) {
                    ParameterDeclaration d = set.parameters().declarations().get(name);
                    if (d != null) {
                        set.parameters().entries().getOrDefault(name, List.of())
                                .forEach(p -> values.addAll(spellings(d, p)));
                    }
                }
                for (String note : new String[] {c.noteVi(), c.noteEn()}) {
                    if (values.isEmpty()) {
                        break;
                    }
                    assertThat(numbers(note)).as(id + " " + c.rule() + " citation note «" + note + "»")
                            .doesNotContainAnyElementsOf(values);
                }
            }
        }
    }

    @Test
    void theCheckFindsARestatedThreshold() {
        // The check above is not empty: the prose of the former files ("tái cử phải còn ít nhất 48 tháng") fails it.
        ParameterDeclaration d = RuleSetSource.shipped("2025-2030").parameterSet().declarations()
                .get("age.reelection_min_months");
        Parameter p = new Parameter(d.name(), null, "48", 48, "CT-45-2025", "", "",
                "tái cử phải còn ít nhất 48 tháng công tác");
        assertThat(numbers(p.note())).containsAnyElementsOf(spellings(d, p));
        Parameter share = new Parameter("confidence.low_share_max", null, "0.5", new BigDecimal("0.5"), "", "", "",
                "quá 50% phiếu tín nhiệm thấp");
        assertThat(numbers(share.note())).containsAnyElementsOf(spellings(
                RuleSetSource.shipped("2025-2030").parameterSet().declarations().get("confidence.low_share_max"),
                share));
    }

    /** {@code names} with each {@code <LEVEL>} pattern replaced by the declared names it stands for. */
    static List<String> expand(List<String> names, Set<String> declared) {
        List<String> out = new ArrayList<>();
        for (String n : names) {
            if (n.contains("<LEVEL>")) {
                String regex = Pattern.quote(n).replace("<LEVEL>", "\\E[A-Z_]+\\Q");
                declared.stream().filter(x -> x.matches(regex)).forEach(out::add);
            } else {
                out.add(n);
            }
        }
        return out;
    }

    /** How a value may be written in prose: the number (and a share as a percentage), a month as MM/YYYY. */
    static Set<String> spellings(ParameterDeclaration d, Parameter p) {
        Set<String> out = new HashSet<>();
        if (!p.isSet()) {
            return out;
        }
        switch (d.type().kind()) {
            case "integer", "percent" -> out.add(new BigDecimal(p.value()).stripTrailingZeros().toPlainString());
            case "decimal" -> {
                BigDecimal v = new BigDecimal(p.value());
                out.add(v.stripTrailingZeros().toPlainString());
                out.add(v.movePointRight(2).stripTrailingZeros().toPlainString());
            }
            case "month" -> {
                YearMonth m = (YearMonth) p.typed();
                out.add(m.getMonthValue() + "/" + m.getYear());
                out.add(String.format("%02d/%d", m.getMonthValue(), m.getYear()));
                out.add(m.toString());
            }
            default -> {
            }
        }
        return out;
    }

    /** The numbers written in {@code text} ("48", "0,5" as "0.5", "04/2025", "2025-04"). */
    static Set<String> numbers(String text) {
        Set<String> out = new HashSet<>();
        if (text == null) {
            return out;
        }
        Matcher m = Pattern.compile("\\d{4}-\\d{2}|\\d{1,2}/\\d{4}|\\d+(?:[.,]\\d+)?").matcher(text);
        while (m.find()) {
            String n = m.group().replace(',', '.');
            out.add(n.matches("\\d+(\\.\\d+)?") ? new BigDecimal(n).stripTrailingZeros().toPlainString() : n);
        }
        return out;
    }
}
