package org.slatecheck.web;

import java.sql.Connection;
import java.sql.Statement;

import javax.sql.DataSource;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /healthz}: 200 {@code ok} when the application answers and its database does, 503 otherwise — for a
 * container's HEALTHCHECK or a load balancer (issue 17 item 16). Open without signing in (SecurityConfig); says
 * nothing else about the application (no version, no database name, no exception).
 */
@RestController
public class HealthController {
    private final DataSource dataSource;

    public HealthController(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @GetMapping(value = "/healthz", produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> health() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.setQueryTimeout(3);
            s.execute("select 1");
            return ResponseEntity.ok().header("Cache-Control", "no-store").body("ok\n");
        } catch (Exception e) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Cache-Control", "no-store")
                    .body("database unavailable\n");
        }
    }
}
