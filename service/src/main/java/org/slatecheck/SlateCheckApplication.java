package org.slatecheck;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The web application: pages and API for personnel subcommittees, every check recorded in PostgreSQL. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SlateCheckApplication {
    public static void main(String[] args) {
        SpringApplication.run(SlateCheckApplication.class, args);
    }
}
