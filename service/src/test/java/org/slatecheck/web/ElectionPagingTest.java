package org.slatecheck.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.util.HtmlUtils;

/**
 * The elections list pages as the other lists do: newest first, a page size, "Trang x/y" with previous and next links
 * in Vietnamese and English that keep the size; the API ({@code GET /api/elections}) the same pages with their links;
 * another unit's elections never on any page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ElectionPagingTest {
    static final Pattern ROW = Pattern.compile("<a class=\"election-link\" href=\"/elections/([0-9a-f-]{36})\"");

    @Autowired
    TestRestTemplate anonymous;
    @Autowired
    JdbcTemplate jdbc;

    TestRestTemplate as(String user) {
        return anonymous.withBasicAuth(user, user);
    }

    /** {@code n} elections of unit {@code unit}, one minute apart (stored directly: the list reads only the rows). */
    List<String> elections(String unit, int n) {
        List<String> ids = new ArrayList<>();
        Instant t = Instant.parse("2025-10-15T01:00:00Z");
        for (int i = 0; i < n; i++) {
            UUID id = UUID.randomUUID();
            jdbc.update("insert into election (id, unit_code, congress_id, body, round, congresses_csv, nominees_csv, "
                    + "created_by, created_at) values (?,?,?,?,?,?,?,?,?)", id, unit, "DH-" + i, "COMMITTEE", 1,
                    new byte[0], new byte[0], "com-a2", Timestamp.from(t.plusSeconds(60L * i)));
            ids.add(0, id.toString()); // newest first
        }
        return ids;
    }

    JsonNode api(String user, String path) throws Exception {
        ResponseEntity<String> r = as(user).getForEntity(path, String.class);
        assertThat(r.getStatusCode()).as(path + ": " + r.getBody()).isEqualTo(HttpStatus.OK);
        return ElectionApiTest.JSON.readTree(r.getBody());
    }

    String page(String user, String path) {
        ResponseEntity<String> r = as(user).getForEntity(path, String.class);
        assertThat(r.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
        return r.getBody();
    }

    static List<String> rows(String html) {
        List<String> out = new ArrayList<>();
        Matcher m = ROW.matcher(html);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    static String href(String html, String id) {
        Matcher m = Pattern.compile("id=\"" + id + "\" href=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as("link " + id).isTrue();
        return HtmlUtils.htmlUnescape(m.group(1));
    }

    @Test
    void moreElectionsThanOnePageArePagedWithTheirLinksOnThePageAndInTheApi() throws Exception {
        // com-a2's unit has no other elections: exactly these 45, in three pages of 20
        List<String> mine = elections("PA-C2", 45);
        List<String> others = elections("PB", 3);

        String first = page("com-a2", "/elections?size=20&lang=vi");
        assertThat(rows(first)).containsExactlyElementsOf(mine.subList(0, 20));
        assertThat(first).contains("Trang 1/3", "45 dòng").doesNotContain("id=\"elections-previous\"");
        assertThat(href(first, "elections-next")).isEqualTo("/elections?lang=vi&size=20&page=2");
        String second = page("com-a2", href(first, "elections-next"));
        assertThat(rows(second)).containsExactlyElementsOf(mine.subList(20, 40));
        assertThat(second).contains("Trang 2/3", "Trang trước", "Trang sau");
        assertThat(href(second, "elections-previous")).isEqualTo("/elections?lang=vi&size=20&page=1");
        String third = page("com-a2", href(second, "elections-next"));
        assertThat(rows(third)).containsExactlyElementsOf(mine.subList(40, 45));
        assertThat(third).doesNotContain("id=\"elections-next\"");
        // in English; a page beyond the end shows the last one; the default size is 50
        String english = page("com-a2", "/elections?size=20&page=2&lang=en");
        assertThat(english).contains("Page 2 of 3", "Previous page", "Next page");
        assertThat(rows(page("com-a2", "/elections?size=20&page=9"))).containsExactlyElementsOf(mine.subList(40, 45));
        assertThat(rows(page("com-a2", "/elections"))).containsExactlyElementsOf(mine);

        // the API: the same pages, its links to follow
        JsonNode p1 = api("com-a2", "/api/elections?size=20");
        assertThat(p1.get("total").asLong()).isEqualTo(45);
        assertThat(p1.get("pages").asInt()).isEqualTo(3);
        assertThat(p1.get("page").asInt()).isEqualTo(1);
        assertThat(p1.get("previous").isNull()).isTrue();
        List<String> seen = new ArrayList<>();
        JsonNode p = p1;
        while (true) {
            p.get("elections").forEach(e -> seen.add(e.get("id").asText()));
            if (p.get("next").isNull()) {
                break;
            }
            p = api("com-a2", p.get("next").asText());
        }
        assertThat(seen).containsExactlyElementsOf(mine);
        assertThat(p.get("page").asInt()).isEqualTo(3);
        assertThat(p.get("previous").asText()).isEqualTo("/api/elections?size=20&page=2");

        // organisation scope: the other province's elections on none of com-a2's pages, and com-a2's on none of theirs
        assertThat(seen).doesNotContainAnyElementsOf(others);
        List<String> theirs = new ArrayList<>();
        api("prov-b", "/api/elections?size=200").get("elections").forEach(e -> theirs.add(e.get("id").asText()));
        assertThat(theirs).containsAll(others).doesNotContainAnyElementsOf(mine);
    }
}
