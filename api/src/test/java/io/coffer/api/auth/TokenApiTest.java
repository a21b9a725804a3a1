package io.coffer.api.auth;

import static io.coffer.api.testing.ApiTestNode.ROOT;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.api.testing.ApiTestNode;
import io.coffer.api.testing.ApiTestNode.Result;
import io.coffer.api.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code auth/token/*} endpoints end to end on one real Raft node (vault-api.md §6): what the CLI's
 * {@code vault token create -policy=admin -period=768h} gets back, lookups, renewals, revocation trees, TTL and
 * use-count enforcement on every request.
 */
class TokenApiTest {

    /** Exactly what the CLI sends for {@code vault token create -policy=admin -period=768h} (§12). */
    static final String CLI_PERIODIC_ADMIN = "{\"policies\":[\"admin\"],\"ttl\":\"0s\",\"explicit_max_ttl\":\"0s\","
            + "\"period\":\"768h0m0s\",\"display_name\":\"\",\"num_uses\":0,\"renewable\":true,\"type\":\"service\","
            + "\"entity_alias\":\"\"}";

    @TempDir
    static Path dir;
    static final MutableClock CLOCK = new MutableClock(Instant.parse("2024-05-01T12:00:00Z"));
    static ApiTestNode api;

    @BeforeAll
    static void start() {
        api = ApiTestNode.builder().clock(CLOCK).start(dir);
        assertThat(api.post(ROOT, "sys/policies/acl/admin", "{'policy':'path \\\"*\\\" { capabilities = "
                + "[\\\"create\\\", \\\"read\\\", \\\"update\\\", \\\"delete\\\", \\\"list\\\"] }'}").status())
                .isEqualTo(204);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static String create(String parent, String json) {
        Result created = api.post(parent, "auth/token/create", json);
        assertThat(created.status()).as(created.json().toString()).isEqualTo(200);
        return created.text("/auth/client_token");
    }

    @Test
    void cliPeriodicAdminTokenGetsVaultsAuthBlock() {
        Result created = api.postRaw(ROOT, "auth/token/create", CLI_PERIODIC_ADMIN);

        assertThat(created.status()).isEqualTo(200);
        assertThat(created.json().get("data").isNull()).isTrue();
        assertThat(created.json().get("warnings").isNull()).isTrue();
        assertThat(created.text("/mount_type")).isEqualTo("token");
        var auth = created.json().get("auth");
        assertThat(auth.get("client_token").asText()).startsWith("hvs.").hasSizeGreaterThanOrEqualTo(28);
        assertThat(auth.get("accessor").asText()).hasSize(24);
        assertThat(auth.get("policies").toString()).isEqualTo("[\"admin\",\"default\"]");
        assertThat(auth.get("token_policies").toString()).isEqualTo("[\"admin\",\"default\"]");
        assertThat(auth.get("metadata").isNull()).isTrue();
        assertThat(auth.get("lease_duration").asLong()).isEqualTo(2_764_800L);
        assertThat(auth.get("renewable").asBoolean()).isTrue();
        assertThat(auth.get("entity_id").asText()).isEmpty();
        assertThat(auth.get("token_type").asText()).isEqualTo("service");
        assertThat(auth.get("orphan").asBoolean()).isFalse();
        assertThat(auth.get("mfa_requirement").isNull()).isTrue();
        assertThat(auth.get("num_uses").asInt()).isZero();

        Result self = api.get(auth.get("client_token").asText(), "auth/token/lookup-self");
        assertThat(self.data().get("period").asLong()).isEqualTo(2_764_800L);
        assertThat(self.data().get("ttl").asLong()).isEqualTo(2_764_800L);
        assertThat(self.data().get("display_name").asText()).isEqualTo("token");
        assertThat(self.data().get("path").asText()).isEqualTo("auth/token/create");
    }

    @Test
    void periodicTokenRenewsBackToItsPeriod() {
        String token = create(ROOT, "{'policies':['admin'],'period':'24h'}");
        CLOCK.advance(Duration.ofHours(20));

        Result renewed = api.post(token, "auth/token/renew-self", "{'increment':'1h'}");

        assertThat(renewed.status()).isEqualTo(200);
        assertThat(renewed.json().at("/auth/lease_duration").asLong()).isEqualTo(24 * 3600);
        assertThat(api.get(token, "auth/token/lookup-self").data().get("ttl").asLong()).isEqualTo(24 * 3600);
        assertThat(api.get(token, "auth/token/lookup-self").data().has("last_renewal_time")).isTrue();
    }

    @Test
    void renewGrantsTheIncrementAndRefusesUnknownAndRootTokens() {
        String token = create(ROOT, "{'policies':['admin'],'ttl':'1h'}");

        Result renewed = api.post(ROOT, "auth/token/renew", "{'token':'" + token + "','increment':'2h'}");

        assertThat(renewed.json().at("/auth/lease_duration").asLong()).isEqualTo(7200);
        assertThat(renewed.text("/auth/client_token")).isEqualTo(token);
        assertThat(api.post(ROOT, "auth/token/renew", "{'token':'hvs.nope'}").errors())
                .containsExactly("token not found");
        assertThat(api.post(ROOT, "auth/token/renew-self", "{}").status()).isEqualTo(400);
    }

    @Test
    void expiredTokenIsRefusedOnEveryRequest() {
        String token = create(ROOT, "{'policies':['admin'],'ttl':'60s'}");
        assertThat(api.get(token, "auth/token/lookup-self").status()).isEqualTo(200);

        CLOCK.advance(Duration.ofSeconds(61));

        Result refused = api.get(token, "auth/token/lookup-self");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.errors()).containsExactly("permission denied");
    }

    @Test
    void limitedUseTokenWorksExactlyNumUsesTimes() {
        String token = create(ROOT, "{'policies':['admin'],'num_uses':2}");

        Result first = api.get(token, "auth/token/lookup-self");
        Result second = api.get(token, "auth/token/lookup-self");
        Result third = api.get(token, "auth/token/lookup-self");

        assertThat(first.data().get("num_uses").asInt()).isEqualTo(1);
        assertThat(second.status()).isEqualTo(200);
        assertThat(third.status()).isEqualTo(403);
        assertThat(api.post(ROOT, "auth/token/lookup", "{'token':'" + token + "'}").errors())
                .containsExactly("bad token");
    }

    @Test
    void revokingAParentRevokesChildrenAndGrandchildren() {
        String parent = create(ROOT, "{'policies':['admin']}");
        String child = create(parent, "{}");
        String grandchild = create(child, "{}");
        String orphan = create(ROOT, "{'policies':['admin'],'no_parent':true}");

        assertThat(api.post(ROOT, "auth/token/revoke", "{'token':'" + parent + "'}").status()).isEqualTo(204);

        assertThat(api.get(parent, "auth/token/lookup-self").status()).isEqualTo(403);
        assertThat(api.get(child, "auth/token/lookup-self").status()).isEqualTo(403);
        assertThat(api.get(grandchild, "auth/token/lookup-self").status()).isEqualTo(403);
        assertThat(api.get(orphan, "auth/token/lookup-self").data().get("orphan").asBoolean()).isTrue();
        assertThat(api.post(ROOT, "auth/token/revoke", "{'token':'hvs.unknown'}").status()).isEqualTo(204);
    }

    @Test
    void revokeSelfAndRevokeAccessorEndTheToken() {
        String self = create(ROOT, "{'policies':['admin']}");
        String other = create(ROOT, "{'policies':['admin']}");
        String accessor = api.get(other, "auth/token/lookup-self").text("/data/accessor");

        assertThat(api.post(self, "auth/token/revoke-self", "").status()).isEqualTo(204);
        Result byAccessor = api.post(ROOT, "auth/token/lookup-accessor", "{'accessor':'" + accessor + "'}");
        assertThat(byAccessor.text("/data/id")).isEmpty();
        assertThat(api.post(ROOT, "auth/token/revoke-accessor", "{'accessor':'" + accessor + "'}").status())
                .isEqualTo(204);

        assertThat(api.get(self, "auth/token/lookup-self").status()).isEqualTo(403);
        assertThat(api.get(other, "auth/token/lookup-self").status()).isEqualTo(403);
        assertThat(api.post(ROOT, "auth/token/lookup-accessor", "{'accessor':'" + accessor + "'}").errors())
                .containsExactly("invalid accessor");
    }

    @Test
    void revokeOrphanKeepsTheChildrenAlive() {
        String parent = create(ROOT, "{'policies':['admin']}");
        String child = create(parent, "{}");

        assertThat(api.post(parent, "auth/token/revoke-orphan", "{'token':'" + child + "'}").errors())
                .containsExactly("root or sudo privileges required to revoke and orphan");
        assertThat(api.post(ROOT, "auth/token/revoke-orphan", "{'token':'" + parent + "'}").status())
                .isEqualTo(204);

        assertThat(api.get(parent, "auth/token/lookup-self").status()).isEqualTo(403);
        assertThat(api.get(child, "auth/token/lookup-self").data().get("orphan").asBoolean()).isTrue();
    }

    @Test
    void sudoOnlyOptionsAndPolicySubsetAreEnforcedWith400() {
        String admin = create(ROOT, "{'policies':['admin']}");

        assertThat(api.post(admin, "auth/token/create", "{'period':'1h'}").errors())
                .containsExactly("root or sudo privileges required to create periodic token");
        assertThat(api.post(admin, "auth/token/create", "{'no_parent':true}").errors())
                .containsExactly("root or sudo privileges required to create orphan token");
        assertThat(api.post(admin, "auth/token/create", "{'id':'custom'}").errors())
                .containsExactly("root or sudo privileges required to specify token id");
        assertThat(api.post(admin, "auth/token/create", "{'policies':['ops']}").errors())
                .containsExactly("child policies must be subset of parent");
        assertThat(api.post(admin, "auth/token/create", "{'ttl':'-1s'}").errors())
                .containsExactly("ttl must be positive");
        assertThat(api.post(admin, "auth/token/create", "{'num_uses':-1}").errors())
                .containsExactly("number of uses cannot be negative");
    }

    @Test
    void creationWarnsAboutMissingPoliciesAndKeepsMetadata() {
        Result created = api.post(ROOT, "auth/token/create",
                "{'policies':'ghost,admin','meta':{'team':'a'},'display_name':'ci bot','ttl':3600}");

        assertThat(created.json().get("warnings").toString()).isEqualTo("[\"Policy \\\"ghost\\\" does not exist\"]");
        assertThat(created.json().at("/auth/metadata/team").asText()).isEqualTo("a");
        assertThat(created.json().at("/auth/lease_duration").asLong()).isEqualTo(3600);
        Result self = api.get(created.text("/auth/client_token"), "auth/token/lookup-self");
        assertThat(self.text("/data/display_name")).isEqualTo("token-ci-bot");
        assertThat(self.text("/data/meta/team")).isEqualTo("a");
    }

    @Test
    void customIdTokenWorksAndDuplicatesAreRefused() {
        Result created = api.post(ROOT, "auth/token/create-orphan", "{'id':'my-fixed-token','policies':['admin']}");

        assertThat(created.text("/auth/client_token")).isEqualTo("my-fixed-token");
        assertThat(created.json().at("/auth/orphan").asBoolean()).isTrue();
        assertThat(api.post(ROOT, "auth/token/create", "{'id':'my-fixed-token'}").errors())
                .containsExactly("cannot create a token with a duplicate ID");
        assertThat(api.post(ROOT, "auth/token/create", "{'id':'hvs.x'}").errors())
                .containsExactly("custom token ID cannot have the 'hvs.' prefix");
    }

    @Test
    void rootTokenLookupShowsANeverExpiringOrphan() {
        Result self = api.get(ROOT, "auth/token/lookup-self");

        assertThat(self.text("/data/id")).isEqualTo(ROOT);
        assertThat(self.data().get("expire_time").isNull()).isTrue();
        assertThat(self.data().get("ttl").asLong()).isZero();
        assertThat(self.data().get("orphan").asBoolean()).isTrue();
        assertThat(self.text("/data/path")).isEqualTo("auth/token/root");
        assertThat(self.data().get("policies").toString()).isEqualTo("[\"root\"]");
    }

    @Test
    void missingOrUnknownTokenIs403() {
        assertThat(api.get(null, "auth/token/lookup-self").status()).isEqualTo(403);
        assertThat(api.get("hvs.unknown", "auth/token/lookup-self").status()).isEqualTo(403);
    }
}
