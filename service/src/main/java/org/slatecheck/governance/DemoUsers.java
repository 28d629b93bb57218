package org.slatecheck.governance;

import java.util.Arrays;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The demo users ({@code slatecheck.demo-users}, {@code name/password/ROLE[+ROLE][/UNIT],…}, and units, in
 * {@code application-demo.properties}): created when missing (an existing demo user gets the configured roles
 * back), and only when the {@code demo} profile is active
 * (the README's run command turns it on). Their password is their name, so they are exempt from the password
 * policy, which is why they never exist without that profile: a production start has no users at all.
 */
@Component
@Profile("demo")
public class DemoUsers implements ApplicationRunner {
    private final UserAccounts users;
    private final String demoUsers;
    private final String demoUnits;

    private final org.springframework.jdbc.core.JdbcTemplate jdbc;
    private final org.springframework.transaction.support.TransactionTemplate tx;

    public DemoUsers(UserAccounts users, @Value("${slatecheck.demo-users:}") String demoUsers,
            @Value("${slatecheck.demo-units:}") String demoUnits, org.springframework.jdbc.core.JdbcTemplate jdbc,
            org.springframework.transaction.PlatformTransactionManager transactions) {
        this.users = users;
        this.demoUsers = demoUsers;
        this.demoUnits = demoUnits;
        this.jdbc = jdbc;
        this.tx = new org.springframework.transaction.support.TransactionTemplate(transactions);
    }

    @Override
    public void run(ApplicationArguments args) {
        // Several instances starting at once on one empty database (issue 22): one creates, the others then find.
        tx.executeWithoutResult(status -> {
            jdbc.execute("select pg_advisory_xact_lock(" + RuleSetVersions.SEED_LOCK + ")");
            create();
        });
    }

    private void create() {
        // Demo units first (CODE/name/PARENT/LEVEL, parents first), then users (name/password/ROLE[+ROLE][/UNIT];
        // without a unit: the root unit).
        for (String entry : demoUnits.split(",")) {
            String[] parts = entry.strip().split("/");
            if (parts.length == 4) {
                users.units().createIfMissing(parts[0], parts[1], parts[2], parts[3]);
            }
        }
        for (String entry : demoUsers.split(",")) {
            String[] parts = entry.strip().split("/");
            if ((parts.length == 3 || parts.length == 4) && !users.exists(parts[0])) {
                users.createDemo(parts[0], parts[1], Arrays.asList(parts[2].split("\\+")),
                        parts.length == 4 ? parts[3] : OrgUnits.ROOT);
            } else if (parts.length == 3 || parts.length == 4) {
                // A demo data folder from before a change of the configured roles (ADMIN no longer includes
                // APPROVER, so the demo admin holds both): the configured roles are put back.
                users.setDemoRoles(parts[0], Arrays.asList(parts[2].split("\\+")));
            }
        }
    }
}
