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
import org.slatecheck.rules.text.Messages;
import org.slatecheck.rules.intake.ColumnGuide;
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
            text = out.toString();
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
        blocks.put("congress-columns", columns(ColumnGuide.File.CONGRESSES));
        blocks.put("nominee-columns", columns(ColumnGuide.File.NOMINEES));
        blocks.put("codes", codes());
        blocks.put("terms", terms());
        List<String> newestFirst = new java.util.ArrayList<>(RuleSets.terms());
        java.util.Collections.reverse(newestFirst);
        blocks.put("parameters", newestFirst.stream().map(t -> parameters(RuleSets.shipped(t)))
                .collect(Collectors.joining("\n")));
        return blocks;
    }

    private static String columns(ColumnGuide.File file) {
        Messages en = Messages.of(Messages.EN);
        StringBuilder b = new StringBuilder("| column | Vietnamese headers accepted (the template's first) | alias | "
                + "required | format | meaning |\n|---|---|---|---|---|---|\n");
        for (ColumnGuide.Column c : ColumnGuide.of(file)) {
            String need = switch (c.need()) {
                case REQUIRED -> "yes";
                case OPTIONAL -> "no";
                case CONDITIONAL -> en.raw(c.conditionKey());
            };
            java.util.LinkedHashSet<String> headers = new java.util.LinkedHashSet<>(List.of(c.header()));
            headers.addAll(org.slatecheck.rules.intake.Columns.SYNONYMS.getOrDefault(c.name(), List.of()));
            b.append("| `").append(c.name()).append("` | ").append(cell(String.join("; ", headers))).append(" | `")
                    .append(c.alias())
                    .append("` | ").append(cell(need)).append(" | ")
                    .append(cell(en.raw("columns.format." + c.format().name()))).append(" | ")
                    .append(cell(en.raw(c.meaningKey()))).append(" |\n");
        }
        return b.toString();
    }

    private static String codes() {
        Messages vi = Messages.of(Messages.VI);
        Messages en = Messages.of(Messages.EN);
        StringBuilder b = new StringBuilder("| code set | code | Vietnamese name (accepted in cells) | English |\n"
                + "|---|---|---|---|\n");
        for (ColumnGuide.CodeSet set : ColumnGuide.codeSets(ColumnGuide.terms(RuleSets.terms()))) {
            for (String code : set.codes()) {
                b.append("| ").append(set.key()).append(" | `").append(code).append("` | ")
                        .append(cell(set.name(code, vi))).append(" | ").append(cell(set.name(code, en)))
                        .append(" |\n");
            }
        }
        return b.toString();
    }

    /** Each shipped term's season and the levels that exist on each date of it ({@code term.csv}). */
    private static String terms() {
        Messages en = Messages.of(Messages.EN);
        StringBuilder b = new StringBuilder("| term | congress season | levels that exist (whole season unless dated) |\n|---|---|---|\n");
        for (String id : RuleSets.terms()) {
            org.slatecheck.rules.params.Term t = RuleSets.term(id);
            String levels = t.levels().values().stream().map(l -> "`" + l.level() + "`"
                    + (l.from() == null ? "" : " from " + l.from()) + (l.to() == null ? "" : " up to " + l.to())
                    + (l.earlier() == null ? "" : " (before: `" + l.earlier() + "`)"))
                    .collect(Collectors.joining("; "));
            b.append("| `").append(id).append("` | ").append(t.seasonFrom()).append(" – ").append(t.seasonTo())
                    .append(" | ").append(levels).append(" |\n");
        }
        return b.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    private static String parameters(RuleSet set) {
        StringBuilder b = new StringBuilder("**").append(set.getId()).append("** (version ")
                .append(set.getVersion()).append(")\n\n")
                .append("| parameter | meaning | board | value (from date; source document) |\n|---|---|---|---|\n");
        Map<String, List<Parameter>> entries = set.parameters().entries();
        for (ParameterDeclaration d : set.parameters().declarations().values()) {
            if (d.name().startsWith("ruleset.") || !entries.containsKey(d.name())) {
                continue;
            }
            String values = entries.getOrDefault(d.name(), List.of()).stream()
                    .map(p -> (p.value() == null || p.value().isEmpty() ? "—" : "`" + p.value() + "`")
                            + (p.from() == null ? "" : " (" + p.from() + ")")
                            + (p.document().isEmpty() ? "" : " " + p.document()))
                    .collect(Collectors.joining("; "));
            b.append("| `").append(d.name()).append("` | ").append(d.labelVi()).append(" / ").append(d.labelEn())
                    .append(d.unit() == null || d.unit().isEmpty() ? "" : " (" + d.unit() + ")").append(" | ")
                    .append(d.boardParameter() ? "yes" : "no").append(" | ")
                    .append(values.isEmpty() ? "—" : values.replace("|", "\\|")).append(" |\n");
        }
        return b.toString();
    }
}
