package org.slatecheck.config;

import java.nio.file.Path;

import org.slatecheck.rules.intake.InputLimits;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * SlateCheck's settings ({@code slatecheck.*}, environment {@code SLATECHECK_*}).
 *
 * @param dbUrl      JDBC URL of an external PostgreSQL ({@code SLATECHECK_DB_URL}); when empty the application
 *                   starts its own embedded PostgreSQL
 * @param dbUser     user for {@code dbUrl} ({@code SLATECHECK_DB_USER})
 * @param dbPassword password for {@code dbUrl} ({@code SLATECHECK_DB_PASSWORD})
 * @param dataDir    folder of the embedded database's files ({@code SLATECHECK_DATA_DIR}, {@code --data-dir});
 *                   kept between runs so records survive a restart. Batch work folders lie beside it. The default,
 *                   {@code ~/.slatecheck/db} (the user's home folder), does not depend on the working directory, so
 *                   the web application and the command line of one user share their records wherever they start
 * @param limits     what one request, file, list and cell may hold ({@code slatecheck.limits.*})
 */
@ConfigurationProperties(prefix = "slatecheck")
public record SlateCheckProperties(String dbUrl, String dbUser, String dbPassword, Path dataDir, Limits limits) {
    /** The property {@code --data-dir} sets (a system property outranks the environment and the defaults). */
    public static final String DATA_DIR_PROPERTY = "slatecheck.data-dir";

    public SlateCheckProperties {
        if (dataDir == null) {
            dataDir = defaultDataDir();
        }
        if (limits == null) {
            limits = new Limits(null, null, null, null, null, null, null, null, null, null);
        }
    }

    /** {@code ~/.slatecheck/db}: the same folder for every command and the web application of one user. */
    public static Path defaultDataDir() {
        return Path.of(System.getProperty("user.home"), ".slatecheck", "db");
    }

    public boolean external() {
        return dbUrl != null && !dbUrl.isBlank();
    }

    /**
     * Limits (issue 11); each unset one takes its default. A request body above its limit is refused with 413
     * before it is read; the others are input errors with line and column (400), and nothing is stored.
     *
     * @param maxRequestSize         a request body that is not a multipart upload, e.g. the JSON of
     *                               {@code POST /api/checks} (default 20MB)
     * @param maxUploadSize          a multipart upload, all files together (default 100MB; also
     *                               {@code spring.servlet.multipart.max-request-size})
     * @param maxCellChars           characters in one cell or form field (default 1000)
     * @param maxIdChars             characters in a congress or nominee id (default 100)
     * @param maxNomineesPerCongress nominees in one list (default 2000)
     * @param maxRowsPerCheck        nominee rows in one interactive check (default 10000)
     * @param maxRowsPerBatch        nominee rows in one batch (default 2000000)
     * @param maxCompilesPerUser     edits of drafts one user may have checked (compiled) at once; more are
     *                               refused with 429 (default 1; issue 17)
     * @param maxCompiles            edits of drafts checked (compiled) at once on the server (default 2)
     * @param maxOpenDrafts          drafts one user may have open (not yet approved or deleted) per term
     *                               (default 3)
     */
    public record Limits(DataSize maxRequestSize, DataSize maxUploadSize, Integer maxCellChars, Integer maxIdChars,
            Integer maxNomineesPerCongress, Integer maxRowsPerCheck, Long maxRowsPerBatch, Integer maxCompilesPerUser,
            Integer maxCompiles, Integer maxOpenDrafts) {
        public Limits {
            InputLimits d = InputLimits.DEFAULTS;
            maxRequestSize = maxRequestSize != null ? maxRequestSize : DataSize.ofMegabytes(20);
            maxUploadSize = maxUploadSize != null ? maxUploadSize : DataSize.ofMegabytes(100);
            maxCellChars = maxCellChars != null ? maxCellChars : d.maxCellChars();
            maxIdChars = maxIdChars != null ? maxIdChars : d.maxIdChars();
            maxNomineesPerCongress = maxNomineesPerCongress != null ? maxNomineesPerCongress
                    : d.maxNomineesPerCongress();
            maxRowsPerCheck = maxRowsPerCheck != null ? maxRowsPerCheck : d.maxRowsPerCheck();
            maxRowsPerBatch = maxRowsPerBatch != null ? maxRowsPerBatch : d.maxRowsPerBatch();
            maxCompilesPerUser = maxCompilesPerUser != null ? maxCompilesPerUser : 1;
            maxCompiles = maxCompiles != null ? maxCompiles : 2;
            maxOpenDrafts = maxOpenDrafts != null ? maxOpenDrafts : 3;
        }

        /** The intake's part of these limits. */
        public InputLimits input() {
            return new InputLimits(maxCellChars, maxIdChars, maxNomineesPerCongress, maxRowsPerCheck,
                    maxRowsPerBatch);
        }
    }
}
