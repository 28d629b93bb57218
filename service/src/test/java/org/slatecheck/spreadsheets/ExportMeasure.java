package org.slatecheck.spreadsheets;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.slatecheck.rules.text.Messages;

/**
 * Measures the .xlsx export on a large synthetic result (not a test): {@code lists} lists of {@code perList}
 * nominees, two findings each. Prints time, file size and the peak heap. Run (after {@code ./mvnw -o -q
 * test-compile -pl data,rules,service}):
 * {@code java -Xmx512m -cp "service/target/test-classes:service/target/classes:$(cat /tmp/cp.txt)"
 * org.slatecheck.spreadsheets.ExportMeasure 50 2000} with the class path from {@code dependency:build-classpath}.
 */
public final class ExportMeasure {
    private ExportMeasure() {
    }

    public static void main(String[] args) throws Exception {
        int lists = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int perList = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        ObjectMapper json = new ObjectMapper();
        ArrayNode results = json.createArrayNode();
        for (int l = 0; l < lists; l++) {
            ObjectNode r = results.addObject();
            r.putObject("congress").put("id", "XA-" + l).put("organisation", "Đảng bộ xã số " + l).put("level",
                    "COMMUNE").put("term", "2025-2030").put("referenceMonth", "2025-09").put("congressDate",
                    "2025-09-01");
            r.putObject("ruleSet").put("id", "2025-2030").put("version", "2025-2030.6").put("checksum", "0f".repeat(32));
            r.putObject("summary").put("nominees", perList).put("eligible", 0).put("review", perList)
                    .put("ineligible", 0).put("listStatus", "NON_COMPLIANT");
            ArrayNode nominees = r.putArray("nominees");
            for (int n = 0; n < perList; n++) {
                ObjectNode node = nominees.addObject().put("nomineeId", "N" + n).put("fullName",
                        "Nguyễn Văn Người Thứ " + n).put("outcome", "REVIEW");
                ArrayNode findings = node.putArray("findings");
                for (int f = 0; f < 2; f++) {
                    findings.addObject().put("ruleId", "AGE-00" + (f + 1)).put("severity", "REVIEW")
                            .put("title", "Tuổi tái cử").put("message", "Còn 40 tháng công tác, cần ít nhất 48 tháng "
                                    + "tính từ tháng 09/2025.").put("citation", "Chỉ thị 45-CT/TW ngày 14/4/2025")
                            .put("remedy", "Thay người hoặc xin ý kiến cấp có thẩm quyền.");
                }
            }
            r.putArray("listFindings").addObject().put("ruleId", "STR-001").put("severity", "NON_COMPLIANT")
                    .put("title", "Tỷ lệ nữ").put("message", "Thiếu 2 nữ.").put("citation", "Chỉ thị 45-CT/TW");
        }
        System.gc();
        long before = usedHeap();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        long start = System.nanoTime();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ResultXlsx.write(results, Messages.of(Messages.VI), out);
        long millis = (System.nanoTime() - start) / 1_000_000;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf("%d lists x %d nominees (%d finding rows): %d ms, %.1f MB file, heap before %d MB, "
                + "peak heap during %d MB (sum of pool peaks)%n", lists, perList, lists * perList * 2, millis,
                out.size() / 1e6, before >> 20, peak >> 20);
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
