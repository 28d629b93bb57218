package org.slatecheck.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.slatecheck.rules.text.Messages;

/** Download names are safe ASCII, dated in Vietnam's time zone, named after the congress. */
class DownloadNamesTest {
    static final Messages VI = Messages.of(Messages.VI);
    static final Messages EN = Messages.of(Messages.EN);

    @Test
    void namesTheCongressAndTheDayInVietnam() {
        // 20:00 UTC on 14 October is already 15 October in Hà Nội.
        OffsetDateTime created = OffsetDateTime.parse("2025-10-14T20:00:00Z");
        assertThat(DownloadNames.report(List.of("TINH-NB-2025"), created, VI, "pdf"))
                .isEqualTo("kiem-tra-TINH-NB-2025-2025-10-15.pdf");
        assertThat(DownloadNames.report(List.of("TINH-NB-2025"), created, EN, "pdf"))
                .isEqualTo("check-TINH-NB-2025-2025-10-15.pdf");
        assertThat(DownloadNames.report(List.of("A", "B"), created, VI, "xlsx"))
                .isEqualTo("kiem-tra-A-2-danh-sach-2025-10-15.xlsx");
        assertThat(DownloadNames.report(List.of(), created, EN, "csv")).isEqualTo("check-2025-10-15.csv");
    }

    @Test
    void dropsDiacriticsAndEverythingUnsafe() {
        assertThat(DownloadNames.safe("Đảng bộ xã Yên Thành")).isEqualTo("Dang-bo-xa-Yen-Thanh");
        assertThat(DownloadNames.safe("../../etc/passwd")).isEqualTo("etc-passwd");
        assertThat(DownloadNames.safe("a\"b\r\nc;d")).isEqualTo("a-b-c-d");
        assertThat(DownloadNames.safe("中文")).isEmpty();
        String name = DownloadNames.report(List.of("x".repeat(200) + "\"; filename=evil.exe"),
                OffsetDateTime.parse("2025-10-14T01:00:00Z"), VI, "pdf");
        assertThat(name).matches("[A-Za-z0-9._-]+").startsWith("kiem-tra-xxx").endsWith("-2025-10-14.pdf")
                .hasSizeLessThan(100);
    }
}
