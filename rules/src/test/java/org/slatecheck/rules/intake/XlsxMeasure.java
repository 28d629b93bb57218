package org.slatecheck.rules.intake;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import javax.xml.parsers.SAXParserFactory;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * The measurement behind the choice of the {@code .xlsx} reader (docs/performance.md, "Spreadsheet intake"): a
 * generated nominees workbook of N rows (default 100,000) read whole through the intake (cells → {@link CsvTable}
 * rows with every header and shape check) by each candidate, each run in a child JVM of its own so that its peak
 * heap and peak resident memory are its own:
 *
 * <ul>
 * <li>{@code fastexcel} — org.dhatim:fastexcel-reader (streaming StAX over the sheet XML), as {@link XlsxReader};
 * <li>{@code poi-usermodel} — Apache POI {@code XSSFWorkbook} (the whole workbook as objects);
 * <li>{@code poi-event} — Apache POI's streaming SAX API ({@code XSSFReader} + {@code XSSFSheetXMLHandler});
 * <li>{@code csv} — the same rows as a CSV file, for scale.
 * </ul>
 *
 * Not a unit test (timing on a shared machine is no assertion). Run:
 * <pre>
 * ./mvnw -B -o -Pxlsx-measure -pl data,rules verify -DskipTests [-Dxlsx.args="--rows 100000 --runs 3"]
 * </pre>
 */
public final class XlsxMeasure {
    static final List<String> CANDIDATES = List.of("fastexcel", "poi-usermodel", "poi-event", "csv");

    private XlsxMeasure() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("child")) {
            child(args[1], Path.of(args[2]));
            return;
        }
        int rows = 100_000;
        int runs = 3;
        Path work = Path.of("target/xlsx-measure");
        for (int i = 0; i < args.length - 1; i++) {
            switch (args[i]) {
                case "--rows" -> rows = Integer.parseInt(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--work" -> work = Path.of(args[++i]);
                default -> throw new IllegalArgumentException(args[i]);
            }
        }
        Files.createDirectories(work);
        Path xlsx = work.resolve("nominees-" + rows + ".xlsx");
        Path csv = work.resolve("nominees-" + rows + ".csv");
        if (!Files.exists(xlsx) || !Files.exists(csv)) {
            generate(rows, xlsx, csv);
        }
        System.out.printf("file: %s (%.1f MB), %s (%.1f MB)%n", xlsx, Files.size(xlsx) / 1e6, csv, Files.size(csv) / 1e6);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("java.class.path");
        StringBuilder report = new StringBuilder("| candidate | run | rows | time (ms) | peak heap (MB) | peak RSS (MB) |\n"
                + "|---|---|---|---|---|---|\n");
        for (int run = 1; run <= runs; run++) {
            for (String candidate : CANDIDATES) {
                Path file = candidate.equals("csv") ? csv : xlsx;
                Process p = new ProcessBuilder(java, "-Xmx2g", "-cp", classpath, XlsxMeasure.class.getName(), "child",
                        candidate, file.toString()).redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                int code = p.waitFor();
                String last = out.isEmpty() ? "" : out.substring(out.lastIndexOf('\n') + 1);
                System.out.println(candidate + " run " + run + ": " + (code == 0 ? last : "failed " + code + "\n" + out));
                if (code == 0) {
                    report.append("| ").append(candidate).append(" | ").append(run).append(" | ")
                            .append(last.replace("rows=", "").replace(" ms=", " | ").replace(" heapMB=", " | ")
                                    .replace(" rssMB=", " | "))
                            .append(" |\n");
                }
            }
        }
        Files.writeString(work.resolve("report.md"), report.toString());
        System.out.println(report);
    }

    /** One candidate reading {@code file} once: prints {@code rows=N ms=T heapMB=H rssMB=R}. */
    static void child(String candidate, Path file) throws Exception {
        byte[] content = Files.readAllBytes(file);
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        long start = System.nanoTime();
        CsvTable table = switch (candidate) {
            case "fastexcel", "csv" -> CsvTable.read(file.getFileName().toString(), content, Columns.NOMINEE,
                    Columns.NOMINEE_REQUIRED);
            case "poi-usermodel" -> CsvTable.build("nominees.xlsx", "Sheet1", poiUsermodel(content), Columns.NOMINEE,
                    Columns.NOMINEE_REQUIRED);
            case "poi-event" -> CsvTable.build("nominees.xlsx", "Sheet1", poiEvent(content), Columns.NOMINEE,
                    Columns.NOMINEE_REQUIRED);
            default -> throw new IllegalArgumentException(candidate);
        };
        long ms = (System.nanoTime() - start) / 1_000_000;
        if (!table.errors().isEmpty()) {
            throw new IllegalStateException(candidate + ": " + table.errors().subList(0, 1));
        }
        long heap = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                heap += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf("rows=%d ms=%d heapMB=%d rssMB=%d%n", table.rows().size(), ms, heap >> 20, rss() >> 20);
    }

    /** Peak resident memory of this JVM ({@code VmHWM}), 0 where /proc is missing. */
    static long rss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return 0;
    }

    static List<CsvTable.Raw> poiUsermodel(byte[] content) throws IOException {
        // The sheet of 100,000 rows is over POI's default 100 MB record limit.
        org.apache.poi.util.IOUtils.setByteArrayMaxOverride(Integer.MAX_VALUE - 8);
        org.apache.poi.openxml4j.util.ZipSecureFile.setMaxEntrySize(4L << 30);
        List<CsvTable.Raw> rows = new ArrayList<>();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            Sheet sheet = wb.getSheetAt(0);
            for (Row r : sheet) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < Math.max(0, r.getLastCellNum()); i++) {
                    Cell c = r.getCell(i);
                    cells.add(c == null ? "" : switch (c.getCellType()) {
                        case NUMERIC -> DateUtil.isCellDateFormatted(c) ? c.getLocalDateTimeCellValue().toLocalDate()
                                .toString() : BigDecimal.valueOf(c.getNumericCellValue()).stripTrailingZeros()
                                        .toPlainString();
                        case STRING -> c.getStringCellValue();
                        case BOOLEAN -> String.valueOf(c.getBooleanCellValue());
                        default -> "";
                    });
                }
                rows.add(new CsvTable.Raw(r.getRowNum() + 1, cells));
            }
        }
        return rows;
    }

    static List<CsvTable.Raw> poiEvent(byte[] content) throws Exception {
        org.apache.poi.util.IOUtils.setByteArrayMaxOverride(Integer.MAX_VALUE - 8);
        org.apache.poi.openxml4j.util.ZipSecureFile.setMaxEntrySize(4L << 30);
        List<CsvTable.Raw> rows = new ArrayList<>();
        try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(content))) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            XSSFSheetXMLHandler.SheetContentsHandler handler = new XSSFSheetXMLHandler.SheetContentsHandler() {
                private List<String> cells;
                private int row;

                @Override
                public void startRow(int rowNum) {
                    cells = new ArrayList<>();
                    row = rowNum;
                }

                @Override
                public void endRow(int rowNum) {
                    rows.add(new CsvTable.Raw(row + 1, cells));
                }

                @Override
                public void cell(String ref, String value, XSSFComment comment) {
                    int col = new org.apache.poi.ss.util.CellReference(ref).getCol();
                    while (cells.size() < col) {
                        cells.add("");
                    }
                    cells.add(value);
                }
            };
            try (InputStream sheet = reader.getSheetsData().next()) {
                SAXParserFactory factory = SAXParserFactory.newInstance();
                factory.setNamespaceAware(true);
                XMLReader xml = factory.newSAXParser().getXMLReader();
                // Dates come out as the cell shows them (dd/mm/yyyy here), which the intake reads.
                xml.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), strings, handler,
                        new DataFormatter(), false));
                xml.parse(new InputSource(sheet));
            }
        }
        return rows;
    }

    /** {@code rows} nominees with every column, as a workbook (SXSSF, streamed) and as the same CSV. */
    static void generate(int rows, Path xlsx, Path csv) throws IOException {
        List<String> header = new ArrayList<>(Columns.NOMINEE.keySet());
        header.remove("congress_id");
        Random random = new Random(1);
        String[] names = {"Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Hoàng Văn Em"};
        String[] posts = {"Ủy viên Ban Chấp hành", "Ủy viên Ban Thường vụ", "Phó Bí thư", "Bí thư"};
        StringBuilder text = new StringBuilder(String.join(",", header)).append('\n');
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200); var out = Files.newOutputStream(xlsx)) {
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
            Sheet sheet = wb.createSheet("Nhân sự");
            Row h = sheet.createRow(0);
            for (int c = 0; c < header.size(); c++) {
                h.createCell(c).setCellValue(header.get(c));
            }
            for (int i = 0; i < rows; i++) {
                Row r = sheet.createRow(i + 1);
                LocalDate birth = LocalDate.of(1965 + random.nextInt(25), 1 + random.nextInt(12), 1 + random.nextInt(28));
                LocalDate joined = birth.plusYears(22 + random.nextInt(10));
                List<Object> values = new ArrayList<>();
                for (String column : header) {
                    values.add(switch (column) {
                        case "nominee_id" -> "N" + i;
                        case "full_name" -> names[i % names.length];
                        case "sex" -> i % 3 == 0 ? "Nữ" : "Nam";
                        case "birth_date" -> birth;
                        case "ethnicity" -> i % 7 == 0 ? "Tày" : "Kinh";
                        case "hometown_province" -> "Ninh Bình";
                        case "membership" -> "Chính thức";
                        case "party_join_date" -> joined;
                        case "incumbent" -> i % 2 == 0 ? "Có" : "Không";
                        case "current_posts" -> i % 2 == 0 ? posts[0] : "";
                        case "proposed_posts" -> posts[i % posts.length];
                        case "consecutive_terms" -> 1;
                        case "political_theory" -> "Cao cấp";
                        case "education" -> "Thạc sĩ";
                        case "discipline_form", "discipline_date", "relatives", "retirement_month_override",
                                "low_confidence_share" -> "";
                        case "discipline_pending" -> "Không";
                        case "political_conclusion" -> "Đạt";
                        case "political_conclusion_date" -> LocalDate.of(2025, 8, 20);
                        case "quality_ratings" -> "2022:HTTNV, 2023:HTXSNV, 2024:HTTNV";
                        case "unresolved_complaints" -> 0;
                        case "asset_declaration", "health_ok" -> "Có";
                        case "planned_posts" -> posts[i % posts.length];
                        default -> "";
                    });
                }
                for (int c = 0; c < values.size(); c++) {
                    Object v = values.get(c);
                    Cell cell = r.createCell(c);
                    if (v instanceof LocalDate d) {
                        cell.setCellValue(d);
                        cell.setCellStyle(date);
                        text.append(String.format("%02d/%02d/%d", d.getDayOfMonth(), d.getMonthValue(), d.getYear()));
                    } else if (v instanceof Integer n) {
                        cell.setCellValue(n);
                        text.append(n);
                    } else {
                        cell.setCellValue(v.toString());
                        String s = v.toString();
                        text.append(s.contains(",") ? "\"" + s + "\"" : s);
                    }
                    text.append(c + 1 < values.size() ? ',' : '\n');
                }
            }
            wb.write(out);
        }
        Files.writeString(csv, text, StandardCharsets.UTF_8);
    }
}
