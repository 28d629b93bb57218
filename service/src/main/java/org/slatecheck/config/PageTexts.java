package org.slatecheck.config;

import java.util.List;

import org.slatecheck.rules.text.TextBundles;

/**
 * The service's own texts — pages, PDFs, exports, the command line, the API's problem details — in
 * {@code i18n/pages_vi.properties} / {@code _en}, added to {@link org.slatecheck.rules.text.Messages} (named in
 * {@code META-INF/services/org.slatecheck.rules.text.TextBundles}), so a caller's {@code Messages.of(locale).raw(key)}
 * finds a page text and a rule-engine text alike. Texts the rules module uses stay in its bundles;
 * {@code scripts/move-page-texts.py} moves the others here.
 */
public final class PageTexts implements TextBundles {
    /** The base name of the service's bundles. */
    public static final String BUNDLE = "i18n.pages";

    @Override
    public List<String> baseNames() {
        return List.of(BUNDLE);
    }
}
