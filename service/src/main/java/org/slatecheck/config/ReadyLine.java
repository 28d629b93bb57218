package org.slatecheck.config;

import org.slatecheck.rules.text.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Says, once the web application is up, where it answers and where its data is — at the default log level
 * (logback.xml keeps this logger at INFO): "SlateCheck đang chạy tại http://localhost:8080 (dữ liệu: …)", with the
 * real port. An external database is named only as such: its URL may carry a user or host that is not for logs.
 */
@Component
@ConditionalOnWebApplication
public class ReadyLine {
    private static final Logger LOG = LoggerFactory.getLogger(ReadyLine.class);

    private final SlateCheckProperties props;

    public ReadyLine(SlateCheckProperties props) {
        this.props = props;
    }

    @EventListener
    public void ready(ApplicationReadyEvent event) {
        if (event.getApplicationContext() instanceof WebServerApplicationContext web) {
            LOG.info(text(Messages.of(Messages.VI), web.getWebServer().getPort(), props));
        }
    }

    /** The line in {@code messages}' language for a server on {@code port}. */
    static String text(Messages messages, int port, SlateCheckProperties props) {
        String data = props.external() ? messages.raw("cli.ready_external")
                : props.dataDir().toAbsolutePath().normalize().toString();
        return messages.text("cli.ready", "http://localhost:" + port, data);
    }
}
