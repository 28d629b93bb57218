package org.slatecheck.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Issue 17 item 15: the README's first screen is the two commands (the test command exactly what {@code .ci/run}
 * runs) and the first check; the reference and the Vietnamese guide are in {@code docs/} and linked from it; and the
 * congress id the README and the guide promise is the one the upload form makes.
 */
class ReadmeAndGuideTest {
    static final Path ROOT = Path.of("..");

    static String read(String file) throws IOException {
        return Files.readString(ROOT.resolve(file), StandardCharsets.UTF_8);
    }

    @Test
    void theFirstScreenIsTheTwoCommandsAndTheFirstCheck() throws IOException {
        String readme = read("README.md");
        String ci = read(".ci/run");
        Matcher exec = Pattern.compile("(?m)^exec (.+)$").matcher(ci);
        assertThat(exec.find()).isTrue();
        String test = exec.group(1).strip();
        assertThat(test).isEqualTo("./mvnw -B verify");
        // The two commands and the first check come before the first 60 lines end, in this order.
        String first = String.join("\n", readme.lines().limit(60).toList());
        int run = first.indexOf("./mvnw -pl service -am spring-boot:run -Dspring-boot.run.profiles=demo");
        int verify = first.indexOf("\n" + test + "\n");
        int check = first.indexOf("## The first check");
        int cli = first.indexOf("slatecheck.jar check --congresses data/samples/congresses.csv");
        assertThat(run).as("run command").isPositive();
        assertThat(verify).as("test command").isGreaterThan(run);
        assertThat(check).as("first check").isGreaterThan(verify);
        assertThat(cli).as("command line one-liner").isGreaterThan(check);
        assertThat(first).contains("Kiểm tra danh sách mẫu", "data/samples/nominees.csv", "subcommittee");
        // The reference moved to docs/, linked from the index.
        assertThat(readme).contains("](docs/reference.md)", "](docs/huong-dan.md)").doesNotContain("## Limits",
                "## The command line");
        String reference = read("docs/reference.md");
        for (String heading : new String[] {"## Sign-in, sessions and API tokens", "## Organisation units",
                "## The web application and the API", "### Where the data is", "## The command line",
                "## Batch runs and synthetic data", "## Input files", "## Limits"}) {
            assertThat(reference).contains("\n" + heading + "\n");
        }
    }

    @Test
    void theCongressIdTheDocumentsPromiseIsTheOneTheFormMakes() throws IOException {
        // "`Đảng bộ tỉnh Ninh Bình` with `2025-10-15` → `DANG-BO-…`" and the form's answer for the same fields.
        Pattern promise = Pattern.compile("`(DANG-BO-TINH-NINH-BINH-[0-9-]+)`");
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("organisation", "Đảng bộ tỉnh Ninh Bình");
        typed.put("term", "2025-2030");
        typed.put("congress_date", "2025-10-15");
        String withDate = CongressForm.withId(typed).get("congress_id");
        typed.put("congress_date", "");
        String withoutDate = CongressForm.withId(typed).get("congress_id");
        for (String file : new String[] {"README.md", "docs/huong-dan.md", "docs/reference.md"}) {
            Matcher m = promise.matcher(read(file));
            int found = 0;
            while (m.find()) {
                assertThat(m.group(1)).as(file).isIn(withDate, withoutDate);
                found++;
            }
            assertThat(found).as(file + " names the id the form makes").isPositive();
        }
        assertThat(read("docs/huong-dan.md")).contains("`" + withDate + "`", "`" + withoutDate + "`");
        assertThat(read("README.md")).contains("`" + withDate + "`", "`" + withoutDate + "`");
    }

    @Test
    void theDocumentsLinkNothingOutsideTheRepository() throws IOException {
        for (String file : new String[] {"README.md", "docs/reference.md", "docs/huong-dan.md"}) {
            String text = read(file);
            assertThat(text).as(file).doesNotContainPattern("\\]\\((https?:|//)").doesNotContain("../shared")
                    .doesNotContain("](../../");
        }
    }
}
