package org.slatecheck.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.AttributeProvider;
import org.commonmark.renderer.html.HtmlRenderer;
import org.slatecheck.rules.text.Messages;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The project's own documents as pages: the Vietnamese user guide ({@code huong-dan}), the specification, the rule
 * catalogue and the decisions ({@code docs/*.md}, copied into the jar by the build). Only these four names are served; the Markdown is ours, and raw HTML in it is
 * escaped all the same. Links between the documents point at their pages; nothing links outside the application.
 */
@Controller
public class DocsPageController {
    /** Page name → document on the classpath. */
    static final Map<String, String> DOCUMENTS = Map.of("huong-dan", "docs/huong-dan.md", "specification",
            "docs/specification.md", "rules", "docs/rules.md", "decisions", "docs/decisions.md");

    private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create())).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().extensions(List.of(TablesExtension.create()))
            .escapeHtml(true).sanitizeUrls(true).attributeProviderFactory(c -> new DocumentLinks()).build();
    private final Map<String, String> rendered = new ConcurrentHashMap<>();

    @GetMapping("/docs/{name}")
    String document(@PathVariable String name, Model model, Locale locale) {
        String resource = DOCUMENTS.get(name);
        if (resource == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        Messages m = Messages.of(locale);
        model.addAttribute("t", m);
        model.addAttribute("lang", m.locale().getLanguage());
        model.addAttribute("otherLang", m.locale().getLanguage().equals("en") ? "vi" : "en");
        model.addAttribute("name", name);
        model.addAttribute("html", rendered.computeIfAbsent(resource, DocsPageController::render));
        return "docs";
    }

    static String render(String resource) {
        try (InputStream in = DocsPageController.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
            return html(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code markdown} as HTML, raw HTML in it escaped, links to the sibling documents made page links. */
    static String html(String markdown) {
        Node document = PARSER.parse(markdown);
        return RENDERER.render(document);
    }

    /** Links to the sibling documents go to their pages; links to repository files are shown as plain paths. */
    private static final class DocumentLinks implements AttributeProvider {
        @Override
        public void setAttributes(Node node, String tagName, Map<String, String> attributes) {
            if (node instanceof Link && attributes.containsKey("href")) {
                String href = attributes.get("href");
                String page = href.replaceFirst("^(docs/)?", "").replaceFirst("\\.md(#.*)?$", "");
                if (DOCUMENTS.containsKey(page)) {
                    attributes.put("href", "/docs/" + page);
                } else if (!href.startsWith("#")) {
                    attributes.remove("href");
                }
            }
        }
    }
}
