package org.slatecheck.governance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What a reviewer sees of a version: every file whole, the differences from the version it is based on (per path:
 * added, removed, or changed with a line diff), and every edit with its line diff. Generic over files: it compares
 * paths and contents whatever their kind.
 */
public final class VersionReview {
    /** Unchanged lines shown around a change. */
    static final int CONTEXT = 2;

    private VersionReview() {
    }

    /** How a path differs from the base version. */
    public enum Status {
        ADDED, REMOVED, CHANGED
    }

    /** One path that differs: the kind (of the new file, or of the removed one), and for CHANGED the line diff. */
    public record FileDiff(String path, String kind, Status status, List<TextDiff.Hunk> hunks, long linesAdded,
            long linesRemoved) {
    }

    /** One edit of the change history with its line diff. */
    public record ChangeView(RuleSetVersions.Change change, List<TextDiff.Hunk> hunks) {
    }

    /** One file as the version page shows it: whole, with its number of lines. */
    public record FileView(String path, String kind, String content, int lines) {
    }

    /** The files of a version for the page, by path. */
    public static List<FileView> files(Map<String, RuleSetVersions.StoredFile> files) {
        return files.values().stream().map(f -> new FileView(f.path(), f.kind(), f.content(),
                TextDiff.lines(f.content()).size())).toList();
    }

    /** Every path of either version whose content differs (by path order); unchanged files are left out. */
    public static List<FileDiff> compare(Map<String, RuleSetVersions.StoredFile> base,
            Map<String, RuleSetVersions.StoredFile> now) {
        List<FileDiff> out = new ArrayList<>();
        TreeSet<String> paths = new TreeSet<>(base.keySet());
        paths.addAll(now.keySet());
        for (String path : paths) {
            RuleSetVersions.StoredFile before = base.get(path);
            RuleSetVersions.StoredFile after = now.get(path);
            if (before == null) {
                out.add(new FileDiff(path, after.kind(), Status.ADDED, List.of(), TextDiff.lines(after.content())
                        .size(), 0));
            } else if (after == null) {
                out.add(new FileDiff(path, before.kind(), Status.REMOVED, List.of(), 0, TextDiff.lines(before
                        .content()).size()));
            } else if (!before.content().equals(after.content()) || !before.kind().equals(after.kind())) {
                List<TextDiff.Line> changes = TextDiff.changes(before.content(), after.content());
                out.add(new FileDiff(path, after.kind(), Status.CHANGED, TextDiff.hunks(before.content(),
                        after.content(), CONTEXT), changes.stream().filter(TextDiff.Line::added).count(),
                        changes.stream().filter(TextDiff.Line::removed).count()));
            }
        }
        return out;
    }

    /** The change history with a line diff for each edit. */
    public static List<ChangeView> history(List<RuleSetVersions.Change> changes) {
        return changes.stream().map(c -> new ChangeView(c, TextDiff.hunks(c.before(), c.after(), CONTEXT))).toList();
    }

    /**
     * The differences from the base version as sentences in {@code m}'s language (values with sources and dates,
     * citations by rule title and document, switches; never the version row): what the approver reads first.
     */
    public static List<String> inWords(Map<String, RuleSetVersions.StoredFile> base,
            Map<String, RuleSetVersions.StoredFile> now, org.slatecheck.rules.text.Messages m) {
        return ChangeWords.of(base, now, m);
    }
}
