package org.slatecheck.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.slatecheck.rules.engine.RuleSet;
import org.slatecheck.rules.engine.RuleSets;
import org.slatecheck.rules.explain.Messages;
import org.slatecheck.rules.intake.Columns;
import org.slatecheck.rules.model.Conclusion;
import org.slatecheck.rules.model.DisciplineForm;
import org.slatecheck.rules.model.Education;
import org.slatecheck.rules.model.Level;
import org.slatecheck.rules.model.ListKind;
import org.slatecheck.rules.model.Membership;
import org.slatecheck.rules.model.PoliticalTheory;
import org.slatecheck.rules.model.Post;
import org.slatecheck.rules.model.Rating;
import org.slatecheck.rules.model.Sex;
import org.slatecheck.rules.params.Parameter;
import org.slatecheck.rules.params.ParameterDeclaration;

/**
 * Keeps the project's own specification ({@code docs/specification.md}) in step with the code: the blocks between
 * {@code <!-- generated:NAME -->} and {@code <!-- /generated -->} are the columns, codes and parameters as the
 * intake, the model and the shipped rule sets have them. Fails when the document differs; with
 * {@code -Dslatecheck.write-docs=true} it rewrites the blocks instead.
 */
class SpecificationTest {
    private static final Path DOC = Path.of("../docs/specification.md");
    private static final Pattern BLOCK =
            Pattern.compile("(<!-- generated:([a-z-]+) -->\\n)(.*?)(<!-- /generated -->)", Pattern.DOTALL);

    @Test
    void theSpecificationInDocsMatchesTheCodeAndTheShippedRuleSets() throws IOException {
        String text = Files.readString(DOC, StandardCharsets.UTF_8);
        Map<String, String> blocks = blocks();
        Matcher m = BLOCK.matcher(text);
        StringBuilder out = new StringBuilder();
        int found = 0;
        while (m.find()) {
            String body = blocks.get(m.group(2));
            assertThat(body).as("generator for block " + m.group(2)).isNotNull();
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + body + m.group(4)));
            found++;
        }
        m.appendTail(out);
        assertThat(found).as("generated blocks in " + DOC).isEqualTo(blocks.size());
        if (Boolean.getBoolean("slatecheck.write-docs")) {
            Files.writeString(DOC, out.toString(), StandardCharsets.UTF_8);
        }
        assertThat(out.toString()).as("docs/specification.md is out of step with the code; regenerate it with "
                + "-Dslatecheck.write-docs=true (see the document's header)").isEqualTo(text);
    }

    @Test
    void theSpecificationLinksNothingOutsideTheRepository() throws IOException {
        for (Path doc : List.of(DOC, Path.of("../docs/rules.md"), Path.of("../README.md"))) {
            String text = Files.readString(doc, StandardCharsets.UTF_8);
            assertThat(text).as(doc.toString()).doesNotContain("../shared").doesNotContain("](../../");
        }
    }

    private static Map<String, String> blocks() {
        Map<String, String> blocks = new LinkedHashMap<>();
        blocks.put("congress-columns", columns(Columns.CONGRESS, Columns.CONGRESS_REQUIRED));
        blocks.put("nominee-columns", columns(Columns.NOMINEE, Columns.NOMINEE_REQUIRED));
        blocks.put("codes", codes());
        blocks.put("parameters", parameters(RuleSets.shipped("2025-2030")) + "\n"
                + parameters(RuleSets.shipped("2020-2025")));
        return blocks;
    }

    private static String columns(Map<String, String> columns, List<String> required) {
        StringBuilder b = new StringBuilder("| column | Vietnamese header | required |\n|---|---|---|\n");
        columns.forEach((name, alias) -> b.append("| `").append(name).append("` | `").append(alias).append("` | ")
                .append(required.contains(name) ? "yes" : "no").append(" |\n"));
        return b.toString();
    }

    private static String codes() {
        Messages vi = Messages.of(Messages.VI);
        Messages en = Messages.of(Messages.EN);
        StringBuilder b = new StringBuilder("| kind | code | Vietnamese | English |\n|---|---|---|---|\n");
        Map<String, Class<? extends Enum<?>>> kinds = new LinkedHashMap<>();
        kinds.put("level", Level.class);
        kinds.put("list_kind", ListKind.class);
        kinds.put("sex", Sex.class);
        kinds.put("membership", Membership.class);
        kinds.put("post", Post.class);
        kinds.put("political_theory", PoliticalTheory.class);
        kinds.put("education", Education.class);
        kinds.put("discipline_form", DisciplineForm.class);
        kinds.put("political_conclusion", Conclusion.class);
        kinds.put("rating", Rating.class);
        kinds.forEach((kind, type) -> {
            for (Enum<?> e : type.getEnumConstants()) {
                b.append("| ").append(kind).append(" | `").append(e.name()).append("` | ")
                        .append(label(vi, e)).append(" | ").append(label(en, e)).append(" |\n");
            }
        });
        return b.toString();
    }

    private static String label(Messages m, Enum<?> e) {
        String simple = e.getDeclaringClass().getSimpleName();
        for (String key : List.of("code." + e.name(), simple.toLowerCase() + "." + e.name(),
                "level." + e.name(), "list_kind." + e.name(), "listKind." + e.name())) {
            if (m.has(key)) {
                return m.raw(key).replace("|", "\\|");
            }
        }
        return "—";
    }

    private static String parameters(RuleSet set) {
        StringBuilder b = new StringBuilder("**").append(set.getId()).append("** (version ")
                .append(set.getVersion()).append(")\n\n")
                .append("| parameter | meaning | board | value (from date) |\n|---|---|---|---|\n");
        Map<String, List<Parameter>> entries = set.parameters().entries();
        for (ParameterDeclaration d : set.parameters().declarations().values()) {
            if (d.name().startsWith("ruleset.")) {
                continue;
            }
            String values = entries.getOrDefault(d.name(), List.of()).stream()
                    .map(p -> (p.value() == null || p.value().isEmpty() ? "—" : "`" + p.value() + "`")
                            + (p.from() == null ? "" : " (" + p.from() + ")"))
                    .collect(Collectors.joining("; "));
            b.append("| `").append(d.name()).append("` | ").append(d.labelVi()).append(" / ").append(d.labelEn())
                    .append(d.unit() == null || d.unit().isEmpty() ? "" : " (" + d.unit() + ")").append(" | ")
                    .append(d.boardParameter() ? "yes" : "no").append(" | ")
                    .append(values.isEmpty() ? "—" : values.replace("|", "\\|")).append(" |\n");
        }
        return b.toString();
    }
}
