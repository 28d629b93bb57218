package org.slatecheck.governance;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Compiles the active rule sets once the application is up, so the first upload does not wait for it. */
@Component
class RuleSetWarmup {
    private final RuleSetCache registry;

    RuleSetWarmup(RuleSetCache registry) {
        this.registry = registry;
    }

    @EventListener(ApplicationReadyEvent.class)
    void compile() {
        registry.snapshot().compileInBackground("rule-set-warmup");
    }
}
