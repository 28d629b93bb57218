package org.slatecheck.config;

import jakarta.servlet.MultipartConfigElement;

import org.slatecheck.rules.intake.InputLimits;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts {@code slatecheck.limits.*} in force (issue 11): the intake's limits for every check and batch of this
 * application ({@link InputLimits#use}; the command line keeps the defaults), the request size filter and the
 * multipart limits (instead of {@code spring.servlet.multipart.*}).
 */
@Configuration(proxyBeanMethods = false)
public class LimitsConfig {
    @Bean
    RequestSizeFilter requestSizeFilter(SlateCheckProperties props) {
        SlateCheckProperties.Limits limits = props.limits();
        InputLimits.use(limits.input());
        return new RequestSizeFilter(limits.maxRequestSize().toBytes(), limits.maxUploadSize().toBytes());
    }

    /** Multipart uploads: every file and the whole upload up to {@code slatecheck.limits.max-upload-size}. */
    @Bean
    MultipartConfigElement multipartConfigElement(SlateCheckProperties props) {
        long max = props.limits().maxUploadSize().toBytes();
        return new MultipartConfigElement("", max, max, 0);
    }
}
