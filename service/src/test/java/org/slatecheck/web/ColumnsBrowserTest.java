package org.slatecheck.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.slatecheck.rules.intake.ColumnGuide;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * "Cột và mã" and the template download in a real headless Chromium (started as {@link BrowserTest} does, with a
 * download folder of its own): the page is reached from the navigation, lists every column, and its template link
 * downloads a workbook. Screenshots go to target/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ColumnsBrowserTest {
    static ChromeDriver browser;
    static Path downloads;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() throws IOException {
        Files.createDirectories(Path.of("target"));
        downloads = Files.createTempDirectory(Path.of("target"), "downloads-").toAbsolutePath();
        browser = BrowserTest.newBrowser("chromium-", downloads, Duration.ofSeconds(10));
    }

    @AfterAll
    static void stopBrowser() {
        BrowserTest.quit(browser);
    }

    String url(String path) {
        return BrowserTest.url(port, path);
    }

    void clickAndWait(WebElement element, String regex) {
        BrowserTest.clickAndWait(browser, element, regex, Duration.ofSeconds(20));
    }

    @Test
    void opensColumnsAndCodesFromTheNavigationAndDownloadsTheNomineeTemplate() throws Exception {
        browser.get(url("/?lang=vi"));
        if (browser.getCurrentUrl().contains("/login")) {
            browser.findElement(By.id("username")).sendKeys("subcommittee");
            browser.findElement(By.id("password")).sendKeys("subcommittee");
            clickAndWait(browser.findElement(By.id("login")), ".*/(\\?.*)?$");
            browser.get(url("/?lang=vi"));
        }
        assertThat(browser.findElement(By.id("templates")).getText()).contains("Tải mẫu");
        clickAndWait(browser.findElement(By.id("nav-columns")), ".*/columns$");
        assertThat(browser.findElement(By.id("columns-title")).getText()).isEqualTo("Cột và mã của tệp nhập");
        List<WebElement> nomineeRows = browser.findElements(By.cssSelector("#file-nominees tr.column"));
        assertThat(nomineeRows).hasSize(ColumnGuide.NOMINEE_COLUMNS.size());
        assertThat(nomineeRows.get(2).getText()).contains("Họ và tên", "full_name", "Bắt buộc");
        assertThat(browser.findElements(By.cssSelector("#file-congresses tr.column")))
                .hasSize(ColumnGuide.CONGRESS_COLUMNS.size());
        assertThat(browser.findElement(By.id("codes-post")).getText()).contains("Phó Bí thư", "SECRETARY");
        screenshot("columns-vi");

        browser.findElement(By.id("template-nominees-xlsx")).click();
        Path file = downloads.resolve("mau-nominees.xlsx");
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> Files.exists(file) && !partial());
        byte[] bytes = Files.readAllBytes(file);
        assertThat(bytes).startsWith('P', 'K');
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            assertThat(book.getSheetAt(0).getRow(0).getCell(2).getStringCellValue()).isEqualTo("Họ và tên");
            assertThat(book.getSheetAt(0).getDataValidations()).isNotEmpty();
        }

        clickAndWait(browser.findElement(By.id("lang-switch")), ".*/columns\\?lang=en$");
        assertThat(browser.findElement(By.id("columns-title")).getText()).isEqualTo("Columns and codes of the input files");
        assertThat(browser.findElement(By.id("codes-post")).getText()).contains("Deputy secretary", "Phó Bí thư");
        screenshot("columns-en");
        browser.get(url("/?lang=vi"));
    }

    /**
     * Issue 12: both templates downloaded in the browser, filled in by the test as a personnel officer would (the
     * template's Vietnamese headers, Vietnamese code names from the drop-downs, dates DD/MM/YYYY, DD-MM-YYYY and
     * DD.MM.YYYY, ratings written out), uploaded through the form with no other edit, and checked.
     */
    @Test
    void aFilledInXlsxTemplateAndAVietnameseHeaderCsvAreCheckedThroughTheUploadForm() throws Exception {
        signIn();
        browser.findElement(By.id("template-nominees-xlsx")).click();
        Path nomineesTemplate = downloaded("mau-nominees.xlsx");
        browser.findElement(By.id("template-congresses-xlsx")).click();
        Path congressesTemplate = downloaded("mau-congresses.xlsx");

        Path congresses = fill(congressesTemplate, "filled-congresses.xlsx", List.of(Map.of(
                "Mã đại hội", "DH-MAU-2025", "Tổ chức đảng", "Đảng bộ xã Mẫu Sơn",
                "Cấp", vi(ColumnGuide.LEVEL, "COMMUNE"), "Nhiệm kỳ", "2025-2030",
                "Thời điểm tính tuổi", "07/2025", "Ngày đại hội", "20/07/2025",
                "Loại danh sách", vi(ColumnGuide.LIST_KIND, "PERSONNEL_PLAN"), "Số ủy viên", "3")));
        Map<String, String> common = Map.of("Mã đại hội", "DH-MAU-2025",
                "Đảng viên", vi(ColumnGuide.MEMBERSHIP, "OFFICIAL"), "Lý luận chính trị", vi(ColumnGuide.THEORY, "CAO_CAP"),
                "Trình độ chuyên môn", vi(ColumnGuide.EDUCATION, "BACHELOR"),
                "Kết luận chính trị", vi(ColumnGuide.CONCLUSION, "MET"), "Ngày kết luận", "20/06/2025",
                "Xếp loại", "2022:Hoàn thành tốt nhiệm vụ, 2023:Hoàn thành xuất sắc nhiệm vụ, 2024:Hoàn thành tốt nhiệm vụ",
                "Kê khai tài sản", vi(ColumnGuide.YES_NO, "true"), "Đủ sức khỏe", vi(ColumnGuide.YES_NO, "true"));
        Path nominees = fill(nomineesTemplate, "filled-nominees.xlsx", List.of(
                with(common, "Mã nhân sự", "MS01", "Họ và tên", "Nguyễn Thị Hoa", "Giới tính",
                        vi(ColumnGuide.SEX, "F"), "Ngày sinh", "15-03-1975", "Dân tộc", "Tày", "Ngày vào Đảng",
                        "02.09.1998", "Tái cử", vi(ColumnGuide.YES_NO, "true"), "Chức vụ hiện tại",
                        vi(ColumnGuide.POST, "SECRETARY"), "Chức vụ đề xuất", vi(ColumnGuide.POST, "SECRETARY"),
                        "Số nhiệm kỳ liên tiếp", "1", "Quy hoạch", vi(ColumnGuide.POST, "SECRETARY")),
                with(common, "Mã nhân sự", "MS02", "Họ và tên", "Lê Văn Bình", "Giới tính", vi(ColumnGuide.SEX, "M"),
                        "Ngày sinh", "1962", "Dân tộc", "Kinh", "Tái cử", vi(ColumnGuide.YES_NO, "true"),
                        "Chức vụ đề xuất", vi(ColumnGuide.POST, "COMMITTEE")),
                with(common, "Mã nhân sự", "MS03", "Họ và tên", "Trần Văn Cường", "Giới tính",
                        vi(ColumnGuide.SEX, "M"), "Ngày sinh", "10/10/1980", "Dân tộc", "Kinh", "Tái cử",
                        vi(ColumnGuide.YES_NO, "false"), "Chức vụ đề xuất", vi(ColumnGuide.POST, "COMMITTEE"),
                        "Hình thức kỷ luật", vi(ColumnGuide.DISCIPLINE, "CANH_CAO"), "Ngày kỷ luật", "10/03/2025")));
        upload(nominees, congresses);
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Đảng bộ xã Mẫu Sơn");
        assertThat(outcomes()).containsEntry("MS01", "ELIGIBLE").containsEntry("MS02", "INELIGIBLE")
                .containsEntry("MS03", "INELIGIBLE");
        screenshot("template-filled-result-vi");

        // A CSV saved from a Vietnamese spreadsheet: headers with diacritics, code names, dates DD/MM/YYYY.
        Path csv = downloads.resolve("danh-sach.csv");
        Files.writeString(csv, "\uFEFFMã đại hội;Mã nhân sự;Họ và tên;Giới tính;Ngày sinh;Đảng viên;Tái cử;"
                + "Chức vụ đề xuất;Lý luận chính trị;Trình độ chuyên môn;Kết luận chính trị;Kê khai tài sản;Đủ sức khỏe\r\n"
                + "DH-MAU-2025;C01;Hoàng Thị Lan;Nữ;05/05/1978;Chính thức;Không;Ủy viên Ban Chấp hành;Trung cấp;"
                + "Đại học;Đạt;Có;Có\r\n"
                + "DH-MAU-2025;C02;Vũ Văn Nam;Nam;05/05/1979;Dự bị;Không;Ủy viên BCH;Trung cấp;Đại học;Đạt;Có;Có\r\n");
        upload(csv, congresses);
        assertThat(outcomes()).containsEntry("C01", "ELIGIBLE").containsEntry("C02", "INELIGIBLE");
        screenshot("vietnamese-csv-result-vi");
        browser.get(url("/?lang=vi"));
    }

    private void signIn() {
        BrowserTest.signIn(browser, url("/?lang=vi"), "subcommittee", ".*/(\\?.*)?$", Duration.ofSeconds(20));
        if (!browser.getCurrentUrl().endsWith("/?lang=vi")) {
            browser.get(url("/?lang=vi"));
        }
    }

    private void upload(Path nominees, Path congresses) {
        browser.get(url("/?lang=vi"));
        browser.findElement(By.id("nominees")).sendKeys(nominees.toAbsolutePath().toString());
        browser.findElement(By.id("congresses")).sendKeys(congresses.toAbsolutePath().toString());
        clickAndWait(browser.findElement(By.id("check-upload")), ".*/checks/[0-9a-f-]+.*");
    }

    /** Nominee id → outcome code of the rows on the result page. */
    private static Map<String, String> outcomes() {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (WebElement row : browser.findElements(By.cssSelector("tr.nominee"))) {
            String id = row.findElements(By.tagName("td")).stream().map(td -> td.getText().strip())
                    .filter(t -> t.matches("[A-Z]+\\d+")).findFirst().orElse("?");
            out.put(id, row.getAttribute("data-outcome"));
        }
        return out;
    }

    private static Path downloaded(String name) {
        Path file = downloads.resolve(name);
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> Files.exists(file) && !partial());
        return file;
    }

    private static String vi(ColumnGuide.CodeSet set, String code) {
        return set.vietnamese().get(code);
    }

    private static Map<String, String> with(Map<String, String> base, String... pairs) {
        Map<String, String> m = new java.util.LinkedHashMap<>(base);
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    /**
     * The template {@code template} with its example row replaced by {@code rows} (header → text), written as a
     * user types into the cells; saved as {@code name} in the download folder.
     */
    private static Path fill(Path template, String name, List<Map<String, String>> rows) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(template))) {
            var sheet = book.getSheetAt(0);
            Map<String, Integer> columns = new java.util.HashMap<>();
            sheet.getRow(0).forEach(c -> columns.put(c.getStringCellValue(), c.getColumnIndex()));
            for (int r = sheet.getLastRowNum(); r >= 1; r--) {
                if (sheet.getRow(r) != null) {
                    sheet.removeRow(sheet.getRow(r));
                }
            }
            for (int i = 0; i < rows.size(); i++) {
                var row = sheet.createRow(i + 1);
                for (Map.Entry<String, String> e : rows.get(i).entrySet()) {
                    Integer column = columns.get(e.getKey());
                    assertThat(column).as("template header " + e.getKey()).isNotNull();
                    row.createCell(column).setCellValue(e.getValue());
                }
            }
            Path out = downloads.resolve(name);
            try (var stream = Files.newOutputStream(out)) {
                book.write(stream);
            }
            return out;
        }
    }

    /** Keeps what the browser shows in target/screenshots, as BrowserTest does. */
    static void screenshot(String name) throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "screenshots"));
        Files.write(dir.resolve(name + ".png"), browser.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    }

    private static boolean partial() {
        try (Stream<Path> files = Files.list(downloads)) {
            return files.anyMatch(p -> p.getFileName().toString().endsWith(".crdownload"));
        } catch (IOException e) {
            return true;
        }
    }
}
