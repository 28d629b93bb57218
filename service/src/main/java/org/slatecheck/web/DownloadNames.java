package org.slatecheck.web;

import java.text.Normalizer;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.slatecheck.rules.text.Messages;

/**
 * File names of downloads people keep: {@code kiem-tra-<congress id>-<yyyy-MM-dd>.pdf} ({@code check-…} in
 * English), the date of the check in Vietnam's time zone; several lists add their count
 * ({@code kiem-tra-TINH-NB-2025-3-danh-sach-2025-10-15.xlsx}). Only safe ASCII: diacritics dropped ({@code đ} →
 * {@code d}), anything else but letters, digits, {@code .}, {@code _} and {@code -} becomes {@code -}.
 */
final class DownloadNames {
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final int MAX_ID = 60;

    private DownloadNames() {
    }

    /** The file name of a check's report in {@code extension} ({@code pdf}, {@code csv}, {@code xlsx}). */
    static String report(List<String> congressIds, OffsetDateTime created, Messages m, String extension) {
        String id = congressIds.isEmpty() ? "" : safe(congressIds.get(0));
        if (id.length() > MAX_ID) {
            id = id.substring(0, MAX_ID).replaceAll("-+$", "");
        }
        StringBuilder name = new StringBuilder(m.raw("export.file_prefix"));
        if (!id.isEmpty()) {
            name.append('-').append(id);
        }
        if (congressIds.size() > 1) {
            name.append('-').append(congressIds.size()).append('-').append(m.raw("export.lists_suffix"));
        }
        name.append('-').append(created.atZoneSameInstant(VIETNAM).format(DateTimeFormatter.ISO_LOCAL_DATE));
        return name + "." + extension;
    }

    /** {@code text} as safe ASCII for a file name. */
    static String safe(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").replace('đ', 'd')
                .replace('Đ', 'D');
        s = s.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("-{2,}", "-").replaceAll("^[-.]+|[-.]+$", "");
        return s;
    }

    /** A Content-Disposition header value for {@code fileName} (already safe ASCII). */
    static String disposition(String type, String fileName) {
        return type + "; filename=\"" + fileName + "\"";
    }
}
