package dev.interviewcoach.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.bolt.model.builtin.DefaultInstaller;
import dev.interviewcoach.chat.Platform;
import dev.interviewcoach.store.Database;
import dev.interviewcoach.store.SecretBox;
import dev.interviewcoach.tenant.TenantLifecycle;
import dev.interviewcoach.testkit.SharedPostgres;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The installations, OAuth states and removed workspaces on PostgreSQL, as several instances share
 * them: V15 migrates there, what one instance saves another reads, a state is good once whichever
 * instance checks it, and the purge runs there too.
 */
class SlackInstallationsOnPostgresTest {

    private static Database one;
    private static Database two;

    @BeforeAll
    static void start() throws Exception {
        String url = SharedPostgres.newDatabase();
        one = Database.open(url, "postgres", "postgres");
        one.migrate();
        two = Database.open(url, "postgres", "postgres");
        two.migrate();
    }

    @AfterAll
    static void stop() throws Exception {
        one.close();
        two.close();
    }

    private static byte[] key() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    @Test
    void oneInstanceInstallsAndAnotherServesTheWorkspace() {
        byte[] key = key();
        List<String> installed = new ArrayList<>();
        SlackInstallations first = new SlackInstallations(one.jdbi(), new SecretBox(key, Optional.empty()),
                Clock.systemUTC(), installed::add);
        SlackInstallations second = new SlackInstallations(two.jdbi(), new SecretBox(key, Optional.empty()),
                Clock.systemUTC(), team -> { });
        DefaultInstaller install = new DefaultInstaller();
        install.setEnterpriseId("E0PG");
        install.setTeamId("T0PG");
        install.setBotUserId("UBOTPG");
        install.setBotAccessToken("xoxb-pg-1");
        first.saveInstallerAndBot(install);
        install.setBotAccessToken("xoxb-pg-2");
        first.saveInstallerAndBot(install);
        assertThat(installed).containsExactly("T0PG", "T0PG");
        assertThat(second.findBot("E0PG", "T0PG").getBotAccessToken()).isEqualTo("xoxb-pg-2");
        assertThat(second.forTeam("T0PG").orElseThrow().botToken()).isEqualTo("xoxb-pg-2");
        assertThat(second.findBot(null, "T0PG")).as("the key is enterprise and team").isNull();

        byte[] next = key();
        SlackInstallations rotated = new SlackInstallations(two.jdbi(), new SecretBox(next, Optional.of(key)),
                Clock.systemUTC(), team -> { });
        assertThat(rotated.resealWithCurrentKey()).isEqualTo(1);
        assertThat(rotated.resealWithCurrentKey()).isZero();
        assertThat(new SlackInstallations(one.jdbi(), new SecretBox(next, Optional.empty()), Clock.systemUTC(), t -> { })
                .forTeam("T0PG").orElseThrow().botToken()).isEqualTo("xoxb-pg-2");
        assertThat(second.remove("E0PG", "T0PG")).isTrue();
        assertThat(first.forTeam("T0PG")).isEmpty();
    }

    @Test
    void aStateIsGoodOnceOnWhicheverInstanceChecksIt() {
        SlackOAuthStates issuing = new SlackOAuthStates(one.jdbi(), Clock.systemUTC());
        SlackOAuthStates checking = new SlackOAuthStates(two.jdbi(), Clock.systemUTC());
        issuing.addNewStateToDatastore("state-pg");
        assertThat(checking.isAvailableInDatabase("state-pg")).isTrue();
        assertThat(issuing.isAvailableInDatabase("state-pg")).isFalse();
        SlackOAuthStates later = new SlackOAuthStates(two.jdbi(), Clock.offset(Clock.systemUTC(), Duration.ofMinutes(11)));
        issuing.addNewStateToDatastore("state-late");
        assertThat(later.isAvailableInDatabase("state-late")).isFalse();
    }

    @Test
    void aRemovedWorkspaceIsPurgedAfterTheGracePeriod() {
        TenantLifecycle tenants = new TenantLifecycle(one.jdbi(), Clock.systemUTC(), Duration.ofDays(30), Duration.ofHours(1));
        one.jdbi().useHandle(h -> h.execute("INSERT INTO coach_person (platform, tenant, user_id, muted, remind) VALUES ('SLACK', 'T0GONE', 'U1', 0, 0)"));
        Instant now = Instant.now();
        tenants.removed(Platform.SLACK, "T0GONE", now);
        tenants.removed(Platform.SLACK, "T0GONE", now.plusSeconds(60));
        assertThat(tenants.purgeDue(now.plus(Duration.ofDays(29)))).isZero();
        assertThat(tenants.purgeDue(now.plus(Duration.ofDays(30)))).isEqualTo(1);
        int left = one.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM coach_person WHERE tenant = 'T0GONE'")
                .mapTo(Integer.class).one());
        assertThat(left).isZero();
        assertThat(tenants.isRemoved(Platform.SLACK, "T0GONE")).isFalse();
    }
}
