package org.slatecheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slatecheck.SlateCheck;

/** The command line as a user runs it: exit codes, output formats, errors on stderr, the shipped sample. */
class CheckCommandTest {
    static final Path SAMPLES = Path.of("../data/samples");
    static final String CONGRESSES = SAMPLES.resolve("congresses.csv").toString();
    static final String NOMINEES = SAMPLES.resolve("nominees.csv").toString();

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = SlateCheck.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void sampleJsonMatchesTheCheckedInExpectedResult() throws IOException {
        for (String lang : List.of("vi", "en")) {
            Run r = run("check", "--congresses", CONGRESSES, "--nominees", NOMINEES, "--format", "json", "--lang", lang);
            assertThat(r.code()).as(r.err()).isZero();
            if (Boolean.getBoolean("slatecheck.write-samples")) {
                // After a deliberate change of the rules or the sample: -Dslatecheck.write-samples=true rewrites the
                // expected results from this run (review the diff before committing it).
                java.nio.file.Files.writeString(SAMPLES.resolve("expected-result." + lang + ".json"), r.out(),
                        StandardCharsets.UTF_8);
            }
            JsonNode expected = new ObjectMapper().readTree(SAMPLES.resolve("expected-result." + lang + ".json").toFile());
            assertThat(new ObjectMapper().readTree(r.out())).isEqualTo(expected);
        }
    }

    @Test
    void aListOverAnEvaluationLimitIsOneClearLineAndExitCode1() {
        System.setProperty(org.slatecheck.rules.engine.EvaluationLimits.BASE, "1");
        System.setProperty(org.slatecheck.rules.engine.EvaluationLimits.PER_FACT, "1");
        try {
            Run r = run("check", "--congresses", CONGRESSES, "--nominees", NOMINEES, "--lang", "en");
            assertThat(r.code()).isEqualTo(1);
            assertThat(r.out()).isEmpty();
            assertThat(r.err().strip()).doesNotContain("\n").doesNotContain("Exception").doesNotContain("\tat ")
                    .startsWith("List ").contains("could not be checked: the rules fired more than");
        } finally {
            System.clearProperty(org.slatecheck.rules.engine.EvaluationLimits.BASE);
            System.clearProperty(org.slatecheck.rules.engine.EvaluationLimits.PER_FACT);
        }
    }

    @Test
    void sampleFiresEveryRuleButPol003AndFollowsTheResultContract() throws IOException {
        Run r = run("check", "--congresses", CONGRESSES, "--nominees", NOMINEES, "--format", "json");
        JsonNode results = new ObjectMapper().readTree(r.out());
        TreeSet<String> fired = new TreeSet<>();
        for (JsonNode result : results) {
            assertThat(result.fieldNames()).toIterable().containsExactly("congress", "ruleSet", "summary", "nominees",
                    "listFindings", "viableListFindings", "notChecked");
            assertThat(result.get("congress").fieldNames()).toIterable().containsExactly("id", "organisation", "level",
                    "term", "referenceMonth", "congressDate");
            assertThat(result.get("ruleSet").fieldNames()).toIterable().containsExactly("id", "version", "checksum");
            JsonNode summary = result.get("summary");
            assertThat(summary.fieldNames()).toIterable().containsExactly("nominees", "eligible", "review",
                    "ineligible", "listStatus", "viableListStatus");
            assertThat(summary.get("eligible").asInt() + summary.get("review").asInt()
                    + summary.get("ineligible").asInt()).isEqualTo(summary.get("nominees").asInt())
                    .isEqualTo(result.get("nominees").size());
            assertThat(result.get("congress").get("referenceMonth").asText()).matches("\\d{4}-\\d{2}");
            assertThat(result.get("congress").get("congressDate").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
            for (JsonNode n : result.get("nominees")) {
                assertThat(n.fieldNames()).toIterable().containsExactly("nomineeId", "fullName", "outcome", "findings");
                for (JsonNode f : n.get("findings")) {
                    checkFinding(f);
                    fired.add(f.get("ruleId").asText());
                }
            }
            for (JsonNode f : result.get("listFindings")) {
                checkFinding(f);
                fired.add(f.get("ruleId").asText());
            }
            // The viable list (docs/specification.md section 6): list findings of the same shape, saying how many were taken off.
            for (JsonNode f : result.get("viableListFindings")) {
                checkFinding(f);
                assertThat(f.get("severity").asText()).isIn("NON_COMPLIANT", "ADVISORY");
                assertThat(f.get("message").asText()).startsWith("Có "
                        + summary.get("ineligible").asInt() + " đồng chí không đủ điều kiện, đưa ra khỏi danh sách; "
                        + "khi đó ");
            }
        }
        List<String> all = new ArrayList<>(List.of("MEM-001", "AGE-001", "AGE-002", "AGE-003", "DIS-001", "DIS-002",
                "DIS-003", "POL-001", "POL-002", "QUA-001", "QUA-002", "TRM-001", "EDU-001", "EDU-002", "INT-001",
                "INT-002", "HLT-001", "FAM-001", "LOC-001", "DAT-001", "STR-001", "STR-002", "STR-003", "STR-004",
                "STR-005", "NUM-001", "NUM-002", "NUM-003", "NUM-004", "NUM-005", "NUM-006", "POL-004", "PLN-001",
                "CON-001", "DAT-002", "NUM-007", "NUM-008", "NUM-009", "NUM-010", "NUM-011"));
        assertThat(fired).containsExactlyInAnyOrderElementsOf(all);
    }

    @Test
    void withTheBoardsMaximumAgeOfAConclusionTheSampleFiresEveryVersion3RuleId() throws IOException {
        Run r = run("check", "--congresses", CONGRESSES, "--nominees", NOMINEES, "--format", "json",
                "--parameter", "political_conclusion.max_age_months=24");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("political_conclusion.max_age_months = 24");
        TreeSet<String> fired = new TreeSet<>();
        for (JsonNode result : new ObjectMapper().readTree(r.out())) {
            result.findValues("ruleId").forEach(id -> fired.add(id.asText()));
        }
        assertThat(fired).containsAll(org.slatecheck.rules.engine.RuleSets.shipped("2025-2030").decisionRules()
                .keySet()).contains("POL-003", "NUM-010", "NUM-011");
        // The rule set with a board's value is not the shipped one: its checksum differs.
        Run shipped = run("check", "--congresses", CONGRESSES, "--nominees", NOMINEES, "--format", "json");
        assertThat(new ObjectMapper().readTree(shipped.out()).get(0).at("/ruleSet/checksum"))
                .isNotEqualTo(new ObjectMapper().readTree(r.out()).get(0).at("/ruleSet/checksum"));
    }

    @Test
    void onlyBoardParametersWithFittingValuesCanBeSetForACheck() {
        Run notBoard = run("check", "--congresses", CONGRESSES, "--nominees", NOMINEES, "--lang", "en",
                "--parameter", "election.surplus_max_percent=50");
        assertThat(notBoard.code()).isEqualTo(2);
        assertThat(notBoard.out()).isEmpty();
        assertThat(notBoard.err()).contains("not a board parameter");
        Run unknown = run("check", "--congresses", CONGRESSES, "--nominees", NOMINEES, "--lang", "en",
                "--parameter", "no.such_parameter=1");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("no rule set has this parameter");
        Run bad = run("check", "--congresses", CONGRESSES, "--nominees", NOMINEES, "--lang", "en",
                "--parameter", "political_conclusion.max_age_months=0");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("does not fit");
        assertThat(run("check", "--congresses", CONGRESSES, "--nominees", NOMINEES, "--parameter", "x").code())
                .isEqualTo(2);
    }

    private static void checkFinding(JsonNode f) {
        // citationConfirmed is there only when a cited document was not checked against its text (docs/specification.md section 5),
        // and then the citation says so in words too.
        if (f.has("citationConfirmed")) {
            assertThat(f.fieldNames()).toIterable().containsExactly("ruleId", "severity", "title", "citation",
                    "citationConfirmed", "message", "remedy", "evidence");
            assertThat(f.get("citationConfirmed").asBoolean()).isFalse();
            assertThat(f.get("citation").asText()).containsAnyOf("(chưa đối chiếu văn bản gốc)",
                    "(not checked against the text)");
        } else {
            assertThat(f.fieldNames()).toIterable().containsExactly("ruleId", "severity", "title", "citation",
                    "message", "remedy", "evidence");
        }
        for (String field : List.of("title", "message", "remedy")) {
            assertThat(f.get(field).asText()).as(field).isNotBlank().doesNotContain("{");
        }
        // Every finding cites a text in force, except missing data (DAT-001), which cites nothing on purpose.
        if (f.get("ruleId").asText().equals("DAT-001")) {
            assertThat(f.get("citation").asText()).isEmpty();
        } else {
            assertThat(f.get("citation").asText()).isNotBlank().doesNotContain("RULES.md");
        }
        f.get("evidence").fields().forEachRemaining(e -> {
            if (e.getKey().endsWith("Month")) {
                assertThat(e.getValue().asText()).as(e.getKey()).matches("\\d{4}-\\d{2}");
            } else if (e.getKey().endsWith("Date") || e.getKey().equals("lapsesOn")) {
                assertThat(e.getValue().asText()).as(e.getKey()).matches("\\d{4}-\\d{2}-\\d{2}");
            } else if (e.getKey().endsWith("Months") || List.of("count", "seats", "total", "women").contains(e.getKey())
                    || (e.getKey().equals("required") && f.get("ruleId").asText().matches("(STR|NUM)-.*"))) {
                assertThat(e.getValue().isInt()).as(e.getKey()).isTrue();
            }
        });
    }

    @Test
    void textReportIsTheDefaultAndCsvHasOneRowPerFinding() {
        Run text = run("check", "--congresses", CONGRESSES, "--nominees", NOMINEES, "--lang", "en");
        assertThat(text.code()).isZero();
        assertThat(text.out()).contains("nominees:", "Citation:", "What to do:");
        Run csv = run("check", "--congresses", CONGRESSES, "--nominees", NOMINEES, "--format", "csv", "--lang",
                "en");
        assertThat(csv.code()).isZero();
        assertThat(csv.out().lines().findFirst()).hasValue(
                "congress_id,nominee_id,full_name,outcome,rule_id,severity,title,message,citation,remedy,list");
        // In Vietnamese (the default) the columns are named in words and the codes are labels.
        Run vi = run("check", "--congresses", CONGRESSES, "--nominees", NOMINEES, "--format", "csv");
        assertThat(vi.out().lines().findFirst()).hasValue(
                "Mã đại hội,Mã nhân sự,Họ tên,Kết quả,Mã quy tắc,Mức độ,Nội dung,Diễn giải,Căn cứ,Hướng xử lý,Danh sách");
        assertThat(vi.out()).contains(",Không đủ điều kiện,AGE-001,Không đủ điều kiện,")
                .doesNotContain("INELIGIBLE", "NON_COMPLIANT");
        assertThat(csv.out().lines().filter(l -> l.contains(",NON_COMPLIANT,STR-") || l.contains(",NON_COMPLIANT,NUM-")))
                .isNotEmpty();
    }

    @Test
    void withoutADatabaseItUsesAndNamesTheShippedVersionsOnStderr() throws IOException {
        var shipped = org.slatecheck.rules.engine.RuleSetSnapshot.shipped().versions();
        Run text = run("check", "--congresses", CONGRESSES, "--nominees", NOMINEES, "--lang", "en");
        assertThat(text.code()).as(text.err()).isZero();
        // The sample's lists are 2025-2030, 2025-2030, 2020-2025: one line per rule set, in order of first use.
        assertThat(text.err().lines()).containsExactly(
                "Rule set " + shipped.get("2025-2030").version() + " (checksum " + shipped.get("2025-2030").checksum()
                        + "), shipped with the program",
                "Rule set " + shipped.get("2020-2025").version() + " (checksum " + shipped.get("2020-2025").checksum()
                        + "), shipped with the program");
        assertThat(text.out()).startsWith("══ ");
        Run vi = run("check", "--congresses", CONGRESSES, "--nominees", NOMINEES, "--format", "csv");
        assertThat(vi.err().lines().findFirst()).hasValue("Bộ quy tắc " + shipped.get("2025-2030").version()
                + " (mã kiểm tra " + shipped.get("2025-2030").checksum() + "), bản đi kèm chương trình");
        assertThat(vi.out()).startsWith("Mã đại hội,");
        // JSON names them in each result's ruleSet, with the same checksum.
        Run json = run("check", "--congresses", CONGRESSES, "--nominees", NOMINEES, "--format", "json");
        JsonNode first = new ObjectMapper().readTree(json.out()).get(0).get("ruleSet");
        assertThat(first.get("version").asText()).isEqualTo(shipped.get("2025-2030").version());
        assertThat(first.get("checksum").asText()).isEqualTo(shipped.get("2025-2030").checksum());
    }

    @Test
    void writesToAFileWithOut(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("result.csv");
        Run r = run("check", "--congresses", CONGRESSES, "--nominees", NOMINEES, "--format", "csv", "--out",
                out.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(Files.readString(out, StandardCharsets.UTF_8)).startsWith("\uFEFFMã đại hội,");
    }

    @Test
    void inputErrorsExitWithTwoAndPrintFileLineColumnReason(@TempDir Path dir) throws IOException {
        Path congresses = dir.resolve("c.csv");
        Path nominees = dir.resolve("n.csv");
        Files.writeString(congresses, "congress_id,organisation,level,term,list_kind,committee_seats\n"
                + "C1,Đảng bộ tỉnh Mẫu,PROVINCE,2025-2030,ELECTION_LIST,3\n");
        Files.writeString(nominees, "nominee_id,full_name,sex,birth_date,membership,incumbent,proposed_posts\n"
                + "A,Nguyễn Văn An,M,1970-02-30,OFFICIAL,true,COMMITTEE\n"
                + "B,Trần Thị Bình,X,1971,OFFICIAL,không,COMMITTEE\n");
        Run r = run("check", "--congresses", congresses.toString(), "--nominees", nominees.toString(), "--lang", "en");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines()).containsExactly(
                nominees + ":2:birth_date: “1970-02-30” is not a valid date (YYYY-MM-DD, DD/MM/YYYY, YYYY-MM, "
                        + "MM/YYYY or YYYY; years 1900 to 2100)",
                nominees + ":3:sex: “X” is not valid; use one of: M, F, Nam, Nữ");
        Run vi = run("check", "--congresses", congresses.toString(), "--nominees", nominees.toString());
        assertThat(vi.err()).contains(":3:sex: giá trị “X” không hợp lệ");
        assertThat(vi.err()).doesNotContain("Nguyễn", "Exception", "\tat ");
    }

    @Test
    void aMissingFileOrBadOptionIsAnInputError() {
        Run missing = run("check", "--congresses", "no-such.csv", "--nominees", NOMINEES);
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).startsWith("no-such.csv:1:-: ");
        assertThat(run("check", "--congresses", CONGRESSES).code()).isEqualTo(2);
        assertThat(run("check", "--congresses", CONGRESSES, "--nominees", NOMINEES, "--format", "xml").code())
                .isEqualTo(2);
        assertThat(run("check", "--congresses", CONGRESSES, "--nominees", NOMINEES, "--lang", "fr").code())
                .isEqualTo(2);
        Run usage = run("frobnicate");
        assertThat(usage.code()).isEqualTo(2);
        // an unknown command gets the usage of every command (SlateCheckCommandLineTest), check's among them
        assertThat(usage.err()).contains("no such command: frobnicate", "Usage: java -jar slatecheck.jar",
                "check --congresses FILE --nominees FILE");
    }

    @Test
    void aMissingFileSaysInOneLineThatItDoesNotExistInEitherLanguage(@TempDir Path dir) {
        // issue 17 item 14: "không đọc được tệp" for a file that is not there did not say what was wrong.
        Run vi = run("check", "--congresses", "no-such.csv", "--nominees", NOMINEES);
        assertThat(vi.code()).isEqualTo(2);
        assertThat(vi.err()).isEqualTo("no-such.csv:1:-: tệp không tồn tại (kiểm tra tên và thư mục)"
                + System.lineSeparator());
        Run en = run("check", "--congresses", CONGRESSES, "--nominees", "nowhere/nominees.csv", "--lang", "en");
        assertThat(en.code()).isEqualTo(2);
        assertThat(en.err()).isEqualTo("nowhere/nominees.csv:1:-: the file does not exist (check its name and folder)"
                + System.lineSeparator());
        Run folder = run("check", "--congresses", dir.toString(), "--nominees", NOMINEES, "--lang", "en");
        assertThat(folder.code()).isEqualTo(2);
        assertThat(folder.err()).isEqualTo(dir + ":1:-: this is a folder, not a file" + System.lineSeparator());
    }
}
