package org.slatecheck.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.slatecheck.records.Listings;

/**
 * How the paged pages read their query parameters and write their links: page numbers from 1, a page size from a
 * closed set (50 by default), a sort key from the listing's own closed set, filters whose values must look like the
 * codes they filter on (anything else is ignored), and links that keep every other parameter of the page.
 */
final class Listing {
    /** Rows per page unless the address asks for one of the other sizes. */
    static final int SIZE = 50;
    private static final Set<Integer> SIZES = Set.of(20, 50, 100, 200);
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z_]{0,39}");
    private static final Pattern RULE = Pattern.compile("[A-Z]{3}-[0-9]{3}");
    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,9}");

    private Listing() {
    }

    /**
     * The query of a listing from the page's parameters: {@code q}, the named {@code filters} (values checked by
     * their kind), {@code sort} among {@code sorts} (else {@code defaultSort}), {@code dir} (asc/desc), page, size.
     */
    static Listings.Query query(Map<String, String> params, List<String> filters, Set<String> sorts,
            String defaultSort, boolean defaultDescending) {
        Map<String, String> kept = new LinkedHashMap<>();
        for (String f : filters) {
            String v = params.get(f);
            if (v != null && valid(f, v.strip())) {
                kept.put(f, v.strip());
            }
        }
        String sort = params.get("sort") != null && sorts.contains(params.get("sort")) ? params.get("sort") : defaultSort;
        String dir = params.get("dir");
        boolean descending = dir == null || !(dir.equals("asc") || dir.equals("desc"))
                ? (sort.equals(defaultSort) && defaultDescending) : dir.equals("desc");
        String q = params.get("q");
        q = q == null || q.isBlank() ? null : q.strip().substring(0, Math.min(200, q.strip().length()));
        return new Listings.Query(q, kept, sort, descending, Math.max(0, number(params.get("page"), 1) - 1),
                SIZES.contains(number(params.get("size"), SIZE)) ? number(params.get("size"), SIZE) : SIZE);
    }

    private static boolean valid(String filter, String v) {
        return switch (filter) {
            case "rule" -> RULE.matcher(v).matches();
            case "list" -> NUMBER.matcher(v).matches();
            case "kind" -> v.equals("batch") || v.equals("single");
            default -> CODE.matcher(v).matches();
        };
    }

    /** The page asked for, or the last page when the asked one lies beyond the end. */
    static <T> Listings.Page<T> clamp(Listings.Query query, Function<Listings.Query, Listings.Page<T>> run) {
        Listings.Page<T> page = run.apply(query);
        if (page.rows().isEmpty() && page.page() > 0 && page.total() > 0) {
            return run.apply(new Listings.Query(query.q(), query.filters(), query.sort(), query.descending(),
                    page.pages() - 1, query.size()));
        }
        return page;
    }

    private static int number(String s, int otherwise) {
        return s != null && NUMBER.matcher(s.strip()).matches() ? Integer.parseInt(s.strip()) : otherwise;
    }

    /** The links of a listing page: the current parameters (and the language asked for, if any) kept, one changed. */
    static Links links(String path, Listings.Query query, Map<String, String> request) {
        Map<String, String> params = new LinkedHashMap<>();
        String lang = request.get("lang");
        if ("vi".equals(lang) || "en".equals(lang)) {
            params.put("lang", lang);
        }
        if (query.q() != null) {
            params.put("q", query.q());
        }
        params.putAll(query.filters());
        // The sort only when the page was asked for one: the links of a default page stay short.
        if (request.get("sort") != null || request.get("dir") != null) {
            params.put("sort", query.sort());
            params.put("dir", query.descending() ? "desc" : "asc");
        }
        if (query.size() != SIZE) {
            params.put("size", String.valueOf(query.size()));
        }
        return new Links(path, params, query);
    }

    /** Links that keep the page's parameters (for Thymeleaf: {@code links.page(2)}, {@code links.with('outcome', o)}). */
    public static final class Links {
        private final String path;
        private final Map<String, String> params;
        private final Listings.Query query;

        Links(String path, Map<String, String> params, Listings.Query query) {
            this.path = path;
            this.params = params;
            this.query = query;
        }

        /** Page {@code n} (from 1) with everything else kept. */
        public String page(int n) {
            Map<String, String> p = new LinkedHashMap<>(params);
            p.put("page", String.valueOf(n));
            return url(p);
        }

        /** Filter {@code name} set to {@code value} (removed when null), back to page 1. */
        public String with(String name, String value) {
            Map<String, String> p = new LinkedHashMap<>(params);
            if (value == null || value.isBlank()) {
                p.remove(name);
            } else {
                p.put(name, value);
            }
            return url(p);
        }

        /** Sorted by {@code key}: ascending first, the other direction when it is already the sort. */
        public String sort(String key) {
            Map<String, String> p = new LinkedHashMap<>(params);
            p.put("sort", key);
            p.put("dir", key.equals(query.sort()) && !query.descending() ? "desc" : "asc");
            return url(p);
        }

        /** The current filters and sort as hidden fields of a search form (everything but q and the page). */
        public Map<String, String> hidden() {
            Map<String, String> p = new LinkedHashMap<>(params);
            p.remove("q");
            return p;
        }

        /** The arrow shown beside the header of the current sort. */
        public String arrow(String key) {
            return key.equals(query.sort()) ? (query.descending() ? " ▼" : " ▲") : "";
        }

        private String url(Map<String, String> p) {
            StringBuilder b = new StringBuilder(path);
            char sep = '?';
            for (Map.Entry<String, String> e : p.entrySet()) {
                b.append(sep).append(e.getKey()).append('=').append(URLEncoder.encode(e.getValue(),
                        StandardCharsets.UTF_8));
                sep = '&';
            }
            return b.toString();
        }
    }
}
