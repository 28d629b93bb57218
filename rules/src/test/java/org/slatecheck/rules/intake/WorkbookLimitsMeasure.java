package org.slatecheck.rules.intake;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.slatecheck.rules.text.Messages;

/**
 * The real-size run behind "Workbook limits" (docs/decisions.md), not a unit test (minutes, and timing on a shared
 * machine is no assertion): a nominees workbook of 4,000,000 rows (issue 17 item 4: "45 MB of 4 million rows"),
 * written streaming, read as a check and as a batch with the default limits; prints each answer, its time and the
 * peak heap. Run it with a small heap to see that it is an error, not an out-of-memory failure:
 * <pre>
 * java -Xmx256m -cp "$(cat cp.txt):rules/target/classes:rules/target/test-classes" \
 *     org.slatecheck.rules.intake.WorkbookLimitsMeasure [rows] [work folder]
 * </pre>
 * (cp.txt from {@code ./mvnw -o -q -pl rules dependency:build-classpath -Dmdep.outputFile=cp.txt}).
 */
public final class WorkbookLimitsMeasure {
    private WorkbookLimitsMeasure() {
    }

    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 4_000_000;
        Path work = Files.createDirectories(Path.of(args.length > 1 ? args[1] : "target/workbook-limits"));
        Path file = work.resolve("tall-" + rows + ".xlsx");
        long t = System.nanoTime();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            HostileWorkbooks.tall(rows, out);
        }
        System.out.printf("written: %,d rows, %,d bytes in %.1f s%n", rows, Files.size(file), seconds(t));
        byte[] content = Files.readAllBytes(file);

        t = System.nanoTime();
        String check;
        try {
            Intake.read(new Intake.Input("congresses.csv", VietnameseIntakeTest.CONGRESS.getBytes(
                    StandardCharsets.UTF_8)), new Intake.Input(file.getFileName().toString(), content),
                    org.slatecheck.rules.engine.RuleSetSnapshot.shipped());
            check = "read";
        } catch (InputException e) {
            check = first(e.getErrors());
        }
        System.out.printf("check: %s (%.1f s)%n", check, seconds(t));
        content = null; // a batch reads the workbook where it lies

        t = System.nanoTime();
        Path csv = work.resolve("tall.csv");
        String batch;
        try {
            Intake.batchCsv(file.getFileName().toString(), file, csv);
            batch = "converted, " + Files.size(csv) + " bytes";
        } catch (InputException e) {
            batch = first(e.getErrors());
        } finally {
            Files.deleteIfExists(csv);
        }
        System.out.printf("batch: %s (%.1f s)%n", batch, seconds(t));
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf("peak heap: %d MB (max %d MB)%n", peak >> 20, Runtime.getRuntime().maxMemory() >> 20);
    }

    private static String first(List<InputError> errors) {
        return errors.get(0).format(Messages.of(Messages.EN));
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
