package org.slatecheck.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The line diff the version page and the change history show. */
class TextDiffTest {
    /** A compact picture of a diff: "-3 old", "+3 new", " 2 same" (old number for removed and same lines). */
    static List<String> picture(List<TextDiff.Line> lines) {
        return lines.stream().map(l -> switch (l.op()) {
            case SAME -> " " + l.oldNumber() + "/" + l.newNumber() + " " + l.text();
            case REMOVED -> "-" + l.oldNumber() + " " + l.text();
            case ADDED -> "+" + l.newNumber() + " " + l.text();
        }).toList();
    }

    @Test
    void equalTextsHaveNoChanges() {
        assertThat(TextDiff.changes("a\nb\n", "a\nb\n")).isEmpty();
        assertThat(TextDiff.hunks("a\nb\n", "a\nb\n", 2)).isEmpty();
        assertThat(TextDiff.changes(null, "")).isEmpty();
    }

    @Test
    void aChangedValueIsTheOldLineRemovedAndTheNewLineAdded() {
        String before = "parameter,value\nage.reelection_min_months,48\nage.first_max,55\n";
        String after = "parameter,value\nage.reelection_min_months,42\nage.first_max,55\n";
        assertThat(picture(TextDiff.changes(before, after))).containsExactly(
                "-2 age.reelection_min_months,48", "+2 age.reelection_min_months,42");
        assertThat(picture(TextDiff.diff(before, after))).containsExactly(" 1/1 parameter,value",
                "-2 age.reelection_min_months,48", "+2 age.reelection_min_months,42", " 3/3 age.first_max,55");
    }

    @Test
    void insertionsAndDeletionsKeepTheCommonLinesAndTheirNumbers() {
        String before = "a\nb\nc\nd\ne\n";
        String after = "a\nc\nd\nx\ne\nf\n";
        assertThat(picture(TextDiff.diff(before, after))).containsExactly(" 1/1 a", "-2 b", " 3/2 c", " 4/3 d",
                "+4 x", " 5/5 e", "+6 f");
    }

    @Test
    void wholeFilesAddedOrRemoved() {
        assertThat(picture(TextDiff.diff(null, "x\ny\n"))).containsExactly("+1 x", "+2 y");
        assertThat(picture(TextDiff.diff("x\ny\n", ""))).containsExactly("-1 x", "-2 y");
    }

    @Test
    void aMissingNewlineAtTheEndIsADifference() {
        List<TextDiff.Line> changes = TextDiff.changes("a\nb\n", "a\nb");
        assertThat(picture(changes)).containsExactly("-2 b", "+2 b");
        assertThat(changes.get(0).noNewlineAtEnd()).isFalse();
        assertThat(changes.get(1).noNewlineAtEnd()).isTrue();
    }

    @Test
    void hunksShowTheChangesWithTheirContextAndJoinWhenClose() {
        StringBuilder before = new StringBuilder();
        for (int i = 1; i <= 30; i++) {
            before.append("line ").append(i).append('\n');
        }
        String after = before.toString().replace("line 5\n", "line five\n").replace("line 8\n", "line eight\n")
                .replace("line 25\n", "");
        List<TextDiff.Hunk> hunks = TextDiff.hunks(before.toString(), after, 2);
        assertThat(hunks).hasSize(2);
        assertThat(picture(hunks.get(0).lines())).containsExactly(" 3/3 line 3", " 4/4 line 4", "-5 line 5",
                "+5 line five", " 6/6 line 6", " 7/7 line 7", "-8 line 8", "+8 line eight", " 9/9 line 9",
                " 10/10 line 10");
        assertThat(hunks.get(0).oldRange()).isEqualTo("3–10");
        assertThat(picture(hunks.get(1).lines())).containsExactly(" 23/23 line 23", " 24/24 line 24", "-25 line 25",
                " 26/25 line 26", " 27/26 line 27");
        assertThat(hunks.get(1).newRange()).isEqualTo("23–26");
    }

    /** Applying the diff to the old text gives the new one, and the unchanged lines are a longest common one. */
    @Test
    void randomTextsRoundTrip() {
        Random random = new Random(7);
        for (int round = 0; round < 300; round++) {
            String before = randomText(random);
            String after = randomText(random);
            List<TextDiff.Line> diff = TextDiff.diff(before, after);
            assertThat(rebuild(diff, TextDiff.Op.REMOVED)).isEqualTo(after);
            assertThat(rebuild(diff, TextDiff.Op.ADDED)).isEqualTo(before);
            long same = diff.stream().filter(l -> l.op() == TextDiff.Op.SAME).count();
            assertThat(same).isEqualTo(lcs(TextDiff.lines(before), TextDiff.lines(after)));
        }
    }

    @Test
    void veryLargeMiddlesAreShownAsRemovedThenAdded() {
        StringBuilder a = new StringBuilder();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 2100; i++) {
            a.append("a").append(i).append('\n');
            b.append("b").append(i).append('\n');
        }
        List<TextDiff.Line> diff = TextDiff.diff(a.toString(), b.toString());
        assertThat(diff).hasSize(4200);
        assertThat(diff.get(0).op()).isEqualTo(TextDiff.Op.REMOVED);
        assertThat(diff.get(4199).op()).isEqualTo(TextDiff.Op.ADDED);
        assertThat(rebuild(diff, TextDiff.Op.REMOVED)).isEqualTo(b.toString());
    }

    static String randomText(Random random) {
        StringBuilder s = new StringBuilder();
        int lines = random.nextInt(12);
        for (int i = 0; i < lines; i++) {
            s.append((char) ('a' + random.nextInt(4)));
            if (i < lines - 1 || random.nextBoolean()) {
                s.append('\n');
            }
        }
        return s.toString();
    }

    /** The text the diff gives without the lines of {@code skip}. */
    static String rebuild(List<TextDiff.Line> diff, TextDiff.Op skip) {
        StringBuilder s = new StringBuilder();
        for (TextDiff.Line l : diff) {
            if (l.op() != skip) {
                s.append(l.text()).append(l.noNewlineAtEnd() ? "" : "\n");
            }
        }
        return s.toString();
    }

    static int lcs(List<String> a, List<String> b) {
        int[][] t = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                t[i][j] = a.get(i).equals(b.get(j)) ? t[i + 1][j + 1] + 1 : Math.max(t[i + 1][j], t[i][j + 1]);
            }
        }
        return t[0][0];
    }
}
