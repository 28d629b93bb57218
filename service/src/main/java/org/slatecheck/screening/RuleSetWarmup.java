package org.slatecheck.screening;

import org.slatecheck.rules.engine.RuleSets;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Compiles the shipped rule sets once the application is up, so the first upload does not wait for it. */
@Component
class RuleSetWarmup {
    @EventListener(ApplicationReadyEvent.class)
    void compile() {
        Thread t = new Thread(() -> RuleSets.TERMS.forEach(RuleSets::shipped), "rule-set-warmup");
        t.setDaemon(true);
        t.start();
    }
}
