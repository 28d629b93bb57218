package org.slatecheck.rules.explain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.slatecheck.rules.text.Messages;

class LabelsTest {
    final Labels vi = Labels.of(Messages.of(Messages.VI));
    final Labels en = Labels.of(Messages.of(Messages.EN));

    @Test
    void showsTimesInVietnamTimeWithoutSecondsOrZone() {
        Instant utc = Instant.parse("2026-11-30T20:05:42.123456Z");
        assertThat(Labels.time(utc)).isEqualTo("01/12/2026 03:05");
        assertThat(vi.at(OffsetDateTime.parse("2026-11-30T20:05:42.123456Z"))).isEqualTo("01/12/2026 03:05");
        assertThat(vi.at("2026-11-30T20:05:42.123456+00:00")).isEqualTo("01/12/2026 03:05");
        assertThat(vi.at(java.sql.Timestamp.from(utc))).isEqualTo("01/12/2026 03:05");
    }

    @Test
    void writesNumbersAndPercentagesInEachLanguagesStyle() {
        assertThat(vi.percent(new BigDecimal("7.5"))).isEqualTo("7,5%");
        assertThat(en.percent(new BigDecimal("7.5"))).isEqualTo("7.5%");
        assertThat(vi.number("0.15")).isEqualTo("0,15");
        assertThat(vi.percent(15)).isEqualTo("15%");
    }

    @Test
    void readsARangeWithEqualEndsAsOneNumber() {
        assertThat(vi.range(29, 29)).isEqualTo("29");
        assertThat(vi.range(29, 32)).isEqualTo("29–32");
        assertThat(vi.sizeValue(34, 34, 34, 34)).isEqualTo("34 đồng chí cho 34 ủy viên (cần đúng 34)");
        assertThat(vi.sizeValue(40, 34, 35, 44)).isEqualTo("40 đồng chí cho 34 ủy viên (cần từ 35 đến 44)");
        // Inverted ends are never printed (docs/specification.md section 6: no "từ 2 đến 1"): the count needed reads as one number.
        assertThat(vi.sizeValue(1, 1, 2, 1)).isEqualTo("1 đồng chí cho 1 ủy viên (cần đúng 2)");
        assertThat(en.sizeValue(3, 3, 4, 3)).isEqualTo("3 names for 3 seats (needs exactly 4)");
    }

    @Test
    void labelsCodesOfEveryKind() {
        assertThat(vi.level("PROVINCE")).isEqualTo("tỉnh");
        assertThat(en.listKind("ELECTION_LIST")).isEqualTo("election list");
        assertThat(vi.versionStatus("ACTIVE")).isEqualTo("đang áp dụng");
        assertThat(vi.batchStatus("DONE")).isEqualTo("đã xong");
        assertThat(vi.action("RULESET_ACTIVATED")).isEqualTo("Kích hoạt bộ quy tắc");
        assertThat(vi.roles("BOARD,ADMIN")).isEqualTo("ban tổ chức, quản trị");
        assertThat(vi.code("post", "SECRETARY")).isEqualTo("bí thư");
        assertThat(vi.fileKind("PARAMETERS")).isEqualTo("khai báo tham số");
        assertThat(vi.fileKind("VALUES")).isEqualTo("giá trị tham số");
    }

    @Test
    void showsEvidenceAsLabelAndReadableValue() {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("retirementMonth", "2028-03");
        evidence.put("disciplineForm", "KHIEN_TRACH");
        evidence.put("lapsesOn", "2026-01-15");
        evidence.put("plannedPosts", List.of("SECRETARY", "DEPUTY_SECRETARY"));
        assertThat(vi.evidence(evidence)).containsExactly(Map.entry("Tháng đủ tuổi nghỉ hưu", "03/2028"),
                Map.entry("Hình thức kỷ luật", "khiển trách"), Map.entry("Hết thời hạn kỷ luật ngày", "15/01/2026"),
                Map.entry("Chức vụ trong quy hoạch", "bí thư, phó bí thư"));
        assertThat(en.value(YearMonth.of(2028, 3))).isEqualTo("03/2028");
    }

    @Test
    void translatesAuditDetailsAndNeverShowsAnExceptionName() {
        assertThat(vi.auditDetail("LOGIN_FAILED", "BadCredentialsException"))
                .isEqualTo("sai tên đăng nhập hoặc mật khẩu");
        assertThat(en.auditDetail("LOGIN_FAILED", "SomeOtherException")).isEqualTo("sign-in failed");
        assertThat(vi.auditDetail("CHECK", "unit TW, 3 lists, rule sets 2025-2030.6 2020-2025.6"))
                .isEqualTo("đơn vị TW, 3 danh sách, bộ quy tắc 2025-2030.6 2020-2025.6");
        assertThat(vi.auditDetail("LOGIN_THROTTLED", "user name and client address blocked for 30 s"))
                .isEqualTo("tên đăng nhập và địa chỉ máy bị tạm khóa 30 giây");
        assertThat(vi.auditDetail("UNIT_CREATED", "parent TW, PROVINCE")).isEqualTo("đơn vị cấp trên TW, cấp tỉnh");
        assertThat(vi.auditDetail("BATCH_FINISH", "DONE")).isEqualTo("đã xong");
        assertThat(vi.auditDetail("DOWNLOAD", "summary pdf")).isEqualTo("tổng hợp (PDF)");
        assertThat(vi.actor("system")).isEqualTo("hệ thống");
    }

    /**
     * Every download and every refusal of a check's or a batch's record reads in words (issue 17: the page downloads
     * write the API's entries; the audit page showed "[organisations.xlsx]" and "organisations xlsx").
     */
    @Test
    void everyDownloadAndRefusalOfACheckOrBatchReadsInWords() {
        List<String> downloads = List.of("page", "dossier list 0", "json", "reproduce", "csv", "xlsx", "pdf",
                "summary json", "summary csv", "summary pdf", "organisations csv", "organisations xlsx");
        List<String> refusals = List.of("check page", "check dossier", "check json", "check reproduce", "check csv",
                "check xlsx", "check pdf", "batch start", "batch progress", "batch cancel", "batch summary",
                "batch summary.csv", "batch summary.pdf", "batch organisations.csv", "batch organisations.xlsx",
                "batch page");
        for (Labels lb : List.of(vi, en)) {
            for (String d : downloads) {
                assertThat(lb.auditDetail("DOWNLOAD", d)).as(d).doesNotContain("csv", "xlsx", "pdf", "json",
                        "organisations");
                assertThat(vi.auditDetail("DOWNLOAD", d)).as(d).isNotEqualTo(d);
            }
            for (String d : refusals) {
                assertThat(lb.auditDetail("ACCESS_REFUSED", d)).as(d).doesNotContain("csv", "xlsx", "pdf", "json",
                        "[", "check ", "batch ");
                assertThat(vi.auditDetail("ACCESS_REFUSED", d)).as(d).doesNotContain("page", "summary");
            }
        }
        assertThat(vi.auditDetail("DOWNLOAD", "organisations xlsx")).isEqualTo("theo tổ chức (Excel)");
        assertThat(vi.auditDetail("ACCESS_REFUSED", "batch organisations.xlsx"))
                .isEqualTo("đợt kiểm tra: theo tổ chức (Excel)");
        assertThat(en.auditDetail("ACCESS_REFUSED", "check xlsx")).isEqualTo("check: Excel workbook");
    }

    @Test
    void splitsAFailedRuleCaseIntoItsNameAndATranslatedReason() {
        List<String> x = vi.caseFailure("STR-001.cases.yaml › 3 women of 30 needs 5: add at least 2: expected "
                + "STR-001 on the list {women=3, total=30} but it did not fire");
        assertThat(x.get(0)).isEqualTo("STR-001.cases.yaml › 3 women of 30 needs 5: add at least 2");
        assertThat(x.get(1)).isEqualTo("cần có kết quả STR-001 cho danh sách (Số nữ: 3; Tổng số: 30) nhưng quy tắc "
                + "không kích hoạt");
    }

    @Test
    void describesEveryParameterFamilyAndShowsValuesWithUnits() {
        assertThat(vi.parameterDescription("reference_month.PROVINCE")).startsWith("Tháng dùng để tính tuổi");
        assertThat(vi.parameterDescription("structure.women_min_percent")).isNotBlank();
        assertThat(vi.parameterValue("BACHELOR", "code:Education", "")).isEqualTo("đại học");
        assertThat(vi.parameterValue("60", "integer", "tháng")).isEqualTo("60 tháng");
        assertThat(en.parameterValue("60", "integer", "tháng")).isEqualTo("60 months");
        assertThat(vi.parameterValue("15", "percent", "%")).isEqualTo("15%");
        assertThat(vi.parameterValue("PROVINCE;DISTRICT", "codes:Level", "")).isEqualTo("tỉnh, huyện");
    }

    @Test
    void everyShippedParameterHasADescriptionInBothLanguages() throws Exception {
        // Every declared parameter (declared once, in data/parameters.csv, for every term).
        java.nio.file.Path declarations = java.nio.file.Path.of("../data/parameters.csv");
        List<String> lines = java.nio.file.Files.readAllLines(declarations);
        for (String line : lines.subList(1, lines.size())) {
            String name = line.substring(0, line.indexOf(','));
            assertThat(vi.parameterDescription(name)).as("vi %s", name).isNotBlank();
            assertThat(en.parameterDescription(name)).as("en %s", name).isNotBlank();
        }
    }

    @Test
    void everyCodeShownToPeopleHasALabelInBothLanguages() {
        for (Labels l : List.of(vi, en)) {
            for (Class<? extends Enum<?>> type : List.<Class<? extends Enum<?>>>of(
                    org.slatecheck.rules.model.Level.class, org.slatecheck.rules.model.ListKind.class,
                    org.slatecheck.rules.model.Post.class, org.slatecheck.rules.model.Outcome.class,
                    org.slatecheck.rules.model.Severity.class, org.slatecheck.rules.model.Membership.class,
                    org.slatecheck.rules.model.DisciplineForm.class, org.slatecheck.rules.model.Education.class,
                    org.slatecheck.rules.model.PoliticalTheory.class, org.slatecheck.rules.model.Conclusion.class,
                    org.slatecheck.rules.model.Rating.class)) {
                for (Enum<?> c : type.getEnumConstants()) {
                    String group = type == org.slatecheck.rules.model.Level.class ? "level"
                            : type == org.slatecheck.rules.model.ListKind.class ? "list_kind"
                            : type == org.slatecheck.rules.model.Outcome.class ? "outcome"
                            : type == org.slatecheck.rules.model.Severity.class ? "severity" : "code";
                    assertThat(l.code(group, c.name())).as("%s %s", type.getSimpleName(), c).isNotEqualTo(c.name());
                }
            }
            for (String s : List.of("DRAFT", "APPROVED", "ACTIVE", "RETIRED")) {
                assertThat(l.versionStatus(s)).isNotEqualTo(s);
            }
            for (String s : List.of("VALIDATING", "RUNNING", "DONE", "FAILED", "CANCELLED", "INPUT_ERRORS")) {
                assertThat(l.batchStatus(s)).isNotEqualTo(s);
            }
        }
    }
}
