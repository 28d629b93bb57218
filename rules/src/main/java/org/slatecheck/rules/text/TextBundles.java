package org.slatecheck.rules.text;

import java.util.List;

/**
 * More texts for {@link Messages}, from a module that builds on the rules: the service's pages, PDFs, exports and
 * command line keep their texts in their own bundles and name them here. Found with {@link java.util.ServiceLoader}
 * (a {@code META-INF/services/org.slatecheck.rules.text.TextBundles} file naming the implementation), so every
 * {@link Messages#of} on that classpath — pages, PDFs, the command line, tests without Spring — reads them, and the
 * rules module never knows their names. A key lives in one bundle only (the service's {@code TextBundlesTest}).
 */
public interface TextBundles {
    /** The bundles' base names on the classpath ({@code i18n.pages} for {@code i18n/pages_vi.properties} and _en). */
    List<String> baseNames();
}
