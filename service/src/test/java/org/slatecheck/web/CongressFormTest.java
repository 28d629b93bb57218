package org.slatecheck.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The id the congress form makes when none was typed, and what of a request the form keeps. */
class CongressFormTest {
    static Map<String, String> form(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return CongressForm.typed(m);
    }

    @Test
    void anEmptyIdIsMadeFromTheOrganisationWithoutDiacriticsAndTheDate() {
        assertThat(CongressForm.withId(form("organisation", "Đảng bộ tỉnh Bắc Ninh", "congress_date", "2025-10-15"))
                .get("congress_id")).isEqualTo("DANG-BO-TINH-BAC-NINH-2025-10-15");
        assertThat(CongressForm.withId(form("organisation", "  Chi bộ Thôn 3 (xã Yên Thành) ", "term", "2025-2030"))
                .get("congress_id")).isEqualTo("CHI-BO-THON-3-XA-YEN-THANH-2025-2030");
        assertThat(CongressForm.withId(form("congress_date", "15/10/2025", "term", "2020-2025")).get("congress_id"))
                .isEqualTo("DAI-HOI-2020-2025");
    }

    @Test
    void aTypedIdIsKeptAndALongOrganisationIsCut() {
        assertThat(CongressForm.withId(form("congress_id", "TINH-NB", "organisation", "Đảng bộ")).get("congress_id"))
                .isEqualTo("TINH-NB");
        String id = CongressForm.withId(form("organisation", "Đảng bộ ".repeat(30), "congress_date", "2025-01-02"))
                .get("congress_id");
        assertThat(id).hasSizeLessThanOrEqualTo(CongressForm.ID_ORGANISATION_CHARS + 11).endsWith("-2025-01-02")
                .doesNotContain("--");
    }

    @Test
    void onlyCongressFieldsAreKeptAndMissingOnesAreEmpty() {
        Map<String, String> typed = form("_csrf", "secret", "organisation", "X");
        assertThat(typed).doesNotContainKey("_csrf").containsEntry("organisation", "X").containsEntry("level", "");
    }
}
