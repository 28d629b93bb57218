package org.slatecheck.rules.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slatecheck.rules.text.Messages;

/**
 * Issue 17 item 4: what a workbook may expand to is bounded before and while it is read, in checks and batches; each
 * hostile workbook is one input error in words, and none runs the reader out of memory — shown by reading it in a
 * child JVM of 256 MB heap (which the reader before the bounds could not survive).
 */
class WorkbookLimitsTest {
    static final long MB = 1L << 20;

    @TempDir
    Path dir;

    /** The bomb of the issue: a million 200-character shared texts (about 220 MB) packing at a ratio under 200. */
    static byte[] bomb() {
        return Bomb.BYTES;
    }

    private static final class Bomb {
        static final byte[] BYTES = HostileWorkbooks.sharedStringsBomb(1_000_000, 8);
    }

    @Test
    void sharedStringsExpandingFarBeyondTheLimitAtAPlausibleRatioAreRefusedBeforeTheyAreRead() throws Exception {
        byte[] bomb = bomb();
        ZipArchiveEntry sst = entry(bomb, "xl/sharedStrings.xml");
        assertThat(sst.getSize()).isGreaterThan(200 * MB);
        assertThat(sst.getSize() / sst.getCompressedSize()).as("under the ratio guard").isLessThan(200)
                .isGreaterThan(20);
        assertThat(bomb.length).isLessThan(8 * (int) MB);

        assertThat(XlsxIntakeTest.errors("nominees.xlsx", bomb)).containsExactly("nominees.xlsx:1:-: the "
                + "spreadsheet’s table of texts has more than 280000 texts or 16 MB, the limit for a file of at most "
                + "10000 rows; it was not opened; save it as CSV UTF-8 or split it");
        // A batch allows more, still far less than the bomb.
        assertThat(batchErrors(bomb)).containsExactly("nominees.xlsx:1:-: the spreadsheet’s table of texts has more "
                + "than 2000000 texts or 64 MB, the limit for a file of at most 2000000 rows; it was not opened; save "
                + "it as CSV UTF-8 or split it");
        // In Vietnamese, naming the limit.
        assertThat(vietnamese(bomb)).contains("hơn 280000 mục hoặc 16 MB").contains("tối đa 10000 dòng");

        // And in 256 MB of heap, as the check and the batch read it: an error, no OutOfMemoryError.
        Path file = Files.write(dir.resolve("bomb.xlsx"), bomb);
        assertThat(child(file, "check")).startsWith("ERROR nominees.xlsx:1:-: the spreadsheet’s table of texts");
        assertThat(child(file, "batch")).startsWith("ERROR nominees.xlsx:1:-: the spreadsheet’s table of texts");
    }

    @Test
    void tenThousandRowsReachingColumnXfdAreRefusedQuicklyNamingTheCell() throws Exception {
        byte[] empty = HostileWorkbooks.wide(10_000, false);
        byte[] filled = HostileWorkbooks.wide(10_000, true);
        assertThat(empty.length).isLessThan(512 * 1024); // 7 filled cells a row here; the had fewer (54 KB)
        // Empty cells out to XFD (formatting) in every row: visiting them would cost 16,384 cells a row, so once the
        // cells visited pass a full-width table of the row limit (10,001 × 200), the row is refused, naming its cell.
        assertThat(XlsxIntakeTest.errors("nominees.xlsx", empty)).containsExactly("nominees.xlsx:Sheet1!XFD123: rows "
                + "of the sheet reach column XFD (cell XFD123), far beyond the 200 columns read; delete the columns to "
                + "the right of the table, formatting included");
        // A filled one is an error naming its cell, at the first such cell (the header's); the rest is not read.
        assertThat(XlsxIntakeTest.errors("nominees.xlsx", filled)).containsExactly("nominees.xlsx:Sheet1!XFD1: cell "
                + "XFD1 has data beyond column GR, the last of the 200 columns read; delete what lies to the right of "
                + "the table");
        assertThat(batchErrors(filled)).singleElement().asString().startsWith("nominees.xlsx:Sheet1!XFD1: cell XFD1");
        // A batch's row limit allows 10,000 such rows: their empty cells are dropped.
        Path emptyFile = Files.write(dir.resolve("wide-empty.xlsx"), empty);
        assertThat(child(emptyFile, "batch")).isEqualTo("OK 10000 lines");
        assertThat(child(emptyFile, "check")).startsWith("ERROR nominees.xlsx:Sheet1!XFD123: rows of the sheet reach");
    }

    @Test
    void aFewRowsFormattedOutToXfdAreReadAsIfTheyEndedWithTheTable() {
        // A header and 99 rows formatted across the whole width: the empty cells are dropped, the rows read.
        byte[] formatted = HostileWorkbooks.wide(100, false);
        var lists = XlsxIntakeTest.read("congresses.csv", VietnameseIntakeTest.CONGRESS.getBytes(
                StandardCharsets.UTF_8), "nominees.xlsx", formatted).lists();
        assertThat(lists.get(0).nominees()).hasSize(99);
    }

    @Test
    void moreRowsThanTheLimitIsTheRowLimitErrorAtTheFirstRowBeyondAndTheRestIsNotRead() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        HostileWorkbooks.tall(50_000, out);
        byte[] tall = out.toByteArray();
        WorkbookLimits check = new WorkbookLimits(1_000, "too_many_check_rows", 64 * MB, 10_000, 16 * MB, 64 * MB);
        CsvTable table = XlsxReader.read("nominees.xlsx", tall, Columns.NOMINEE, Columns.NOMINEE_REQUIRED, check);
        assertThat(format(table.errors())).containsExactly("nominees.xlsx:Sheet1!1002: the sheet has more than 1000 "
                + "rows of data, the limit for one check; the rest was not read; split the file or run a batch");
        // Exactly at the limit it is read.
        out.reset();
        HostileWorkbooks.tall(1_000, out);
        assertThat(XlsxReader.read("nominees.xlsx", out.toByteArray(), Columns.NOMINEE, Columns.NOMINEE_REQUIRED,
                check).rows()).hasSize(1_000);

        WorkbookLimits batch = new WorkbookLimits(20_000, "too_many_batch_rows", 64 * MB, 10_000, 16 * MB, 64 * MB);
        List<InputError> errors = new ArrayList<>();
        assertThat(XlsxReader.toCsv("nominees.xlsx", tall, OutputStream.nullOutputStream(), errors, batch)).isFalse();
        assertThat(format(errors)).containsExactly("nominees.xlsx:Sheet1!20002: the file has more than 20000 nominee "
                + "rows, the limit for one batch; split it into several batches");
    }

    @Test
    void aSheetLargerUnpackedThanTheLimitIsRefusedWithoutBeingRead() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        HostileWorkbooks.tall(50_000, out);
        WorkbookLimits small = new WorkbookLimits(100_000, "too_many_check_rows", 4 * MB, 10_000, 16 * MB, 64 * MB);
        assertThat(format(XlsxReader.read("nominees.xlsx", out.toByteArray(), Columns.NOMINEE,
                Columns.NOMINEE_REQUIRED, small).errors())).containsExactly("nominees.xlsx:1:-: the spreadsheet unpacks "
                        + "to more than 4 MB, the limit for a file of at most 100000 rows; it was not opened; split the "
                        + "file");
        // Read whole, a table larger than its memory bound is refused at the row that passes it.
        WorkbookLimits table = new WorkbookLimits(100_000, "too_many_check_rows", 64 * MB, 10_000, 16 * MB, 2 * MB);
        assertThat(format(XlsxReader.read("nominees.xlsx", out.toByteArray(), Columns.NOMINEE,
                Columns.NOMINEE_REQUIRED, table).errors())).singleElement().asString()
                        .matches("nominees.xlsx:Sheet1!\\d+: the sheet holds more than 2 MB of cell data, the limit for "
                                + "a file read whole; split the file");
    }

    @Test
    void theLimitsFollowTheIntakeLimits() {
        WorkbookLimits check = WorkbookLimits.check(InputLimits.DEFAULTS);
        assertThat(Columns.NOMINEE).hasSize(28);
        assertThat(check.maxUnpackedBytes()).isEqualTo(10_000L * 28 * 1_000);
        assertThat(check.maxSharedStrings()).isEqualTo(280_000);
        WorkbookLimits batch = WorkbookLimits.batch(InputLimits.DEFAULTS);
        assertThat(batch.maxRows()).isEqualTo(2_000_000);
        assertThat(batch.maxUnpackedBytes()).isEqualTo(4_000_000_000L);
    }

    private static ZipArchiveEntry entry(byte[] zip, String name) throws IOException {
        try (ZipFile z = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(zip)).get()) {
            return z.getEntry(name);
        }
    }

    static List<String> format(List<InputError> errors) {
        return errors.stream().map(e -> e.format(Messages.of(Messages.EN))).toList();
    }

    static List<String> batchErrors(byte[] nominees) throws IOException {
        Path target = Files.createTempFile("batch", ".csv");
        try {
            Intake.batchCsv("nominees.xlsx", nominees, target);
        } catch (InputException e) {
            return format(e.getErrors());
        } finally {
            Files.deleteIfExists(target);
        }
        throw new AssertionError("expected input errors");
    }

    private static String vietnamese(byte[] nominees) {
        try {
            XlsxIntakeTest.read("congresses.csv", VietnameseIntakeTest.CONGRESS.getBytes(StandardCharsets.UTF_8),
                    "nominees.xlsx", nominees);
        } catch (InputException e) {
            return e.getErrors().get(0).format(Messages.of(Messages.VI));
        }
        throw new AssertionError("expected input errors");
    }

    /** What {@link Child} says of reading {@code file} ({@code check} or {@code batch}) in a JVM of 256 MB heap. */
    static String child(Path file, String mode) throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"), Child.class.getName(),
                file.toString(), mode).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        return output;
    }

    /** Reads a nominees workbook as a check or a batch does and prints the first error, or OK. */
    public static final class Child {
        public static void main(String[] args) throws Exception {
            byte[] content = Files.readAllBytes(Path.of(args[0]));
            List<InputError> errors;
            if (args[1].equals("batch")) {
                Path target = Files.createTempFile("child", ".csv");
                try {
                    Intake.batchCsv("nominees.xlsx", content, target);
                    System.out.println("OK " + Files.readAllLines(target).size() + " lines");
                    return;
                } catch (InputException e) {
                    errors = e.getErrors();
                } finally {
                    Files.deleteIfExists(target);
                }
            } else {
                try {
                    XlsxIntakeTest.read("congresses.csv", VietnameseIntakeTest.CONGRESS.getBytes(
                            StandardCharsets.UTF_8), "nominees.xlsx", content);
                    System.out.println("OK");
                    return;
                } catch (InputException e) {
                    errors = e.getErrors();
                }
            }
            System.out.println("ERROR " + errors.get(0).format(Messages.of(Messages.EN)));
        }
    }
}
