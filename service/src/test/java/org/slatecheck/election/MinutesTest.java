package org.slatecheck.election;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.slatecheck.rules.engine.RuleSetSnapshot;
import org.slatecheck.rules.text.Messages;
import org.slatecheck.rules.intake.Intake;

/** The minutes of the count in both forms, from the decision of the sample's provincial list, in English. */
class MinutesTest {
    static Map<String, Object> decided(String lang) throws Exception {
        var snapshot = RuleSetSnapshot.shipped();
        var lists = Intake.read(new Intake.Input("congresses.csv", Files.readAllBytes(ElectCommandTest.SAMPLES.resolve(
                "congresses.csv"))), new Intake.Input("nominees.csv", Files.readAllBytes(ElectCommandTest.SAMPLES
                .resolve("nominees.csv"))), snapshot).lists();
        return ElectionRun.decide(snapshot, ElectionRun.pick(lists, "TINH-NB-2025"),
                Files.readAllBytes(ElectCommandTest.TALLY)).json(lang);
    }

    @Test
    void thePdfAndTheWorkbookCarryEveryCandidateTheTieAndTheSignatures() throws Exception {
        Map<String, Object> result = decided("en");
        byte[] pdf = MinutesPdf.write(result, "Đảng bộ tỉnh Ninh Bình", Messages.of(Messages.EN));
        String text;
        try (var doc = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(doc);
            assertThat(doc.getNumberOfPages()).isGreaterThanOrEqualTo(2);
        }
        assertThat(text).contains("MINUTES OF THE COUNT", "Đảng bộ tỉnh Ninh Bình", "COUNTING BOARD",
                "Base: 348; elected with more than 174 votes", "Ballots issued: 345; returned: 342; valid: 340; invalid: 2",
                "Elected (32), in order of votes", "Tied for the 2 seats left", "Next round's list",
                "HEAD OF THE COUNTING BOARD", "Page 1/", "Regulation 190-QĐ/TW");
        byte[] xlsx = MinutesXlsx.write(result, Messages.of(Messages.EN));
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(3).getStringCellValue()).isEqualTo("Votes");
            assertThat(sheet.getLastRowNum()).isEqualTo(40);
            assertThat(sheet.getRow(36).getCell(3).getNumericCellValue()).isEqualTo(174.0);
            assertThat(sheet.getRow(36).getCell(6).getStringCellValue())
                    .isEqualTo("174 votes / base 348: not elected (needs more than 174).");
            assertThat(sheet.getRow(33).getCell(5).getStringCellValue()).isEqualTo("Tied, the congress decides");
        }
    }
}
