package org.slatecheck.config;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * SlateCheck's settings ({@code slatecheck.*}, environment {@code SLATECHECK_*}).
 *
 * @param dbUrl      JDBC URL of an external PostgreSQL ({@code SLATECHECK_DB_URL}); when empty the application
 *                   starts its own embedded PostgreSQL
 * @param dbUser     user for {@code dbUrl} ({@code SLATECHECK_DB_USER})
 * @param dbPassword password for {@code dbUrl} ({@code SLATECHECK_DB_PASSWORD})
 * @param dataDir    folder of the embedded database's files; kept between runs so records survive a restart
 *                   (default {@code .slatecheck/db} under the working directory)
 */
@ConfigurationProperties(prefix = "slatecheck")
public record SlateCheckProperties(String dbUrl, String dbUser, String dbPassword, Path dataDir) {
    public SlateCheckProperties {
        if (dataDir == null) {
            dataDir = Path.of(".slatecheck", "db");
        }
    }

    public boolean external() {
        return dbUrl != null && !dbUrl.isBlank();
    }
}
