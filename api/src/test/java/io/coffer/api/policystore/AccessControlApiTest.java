package io.coffer.api.policystore;

import static io.coffer.api.policystore.PolicyApiTest.policyBody;
import static io.coffer.api.testing.ApiTestNode.ROOT;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.api.testing.ApiTestNode;
import io.coffer.api.testing.ApiTestNode.Result;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every request checked against the token's policies on one real Raft node (vault-api.md §7.2): deny by default,
 * create vs update by existence, sudo on root-protected paths, parameter constraints, policy changes seen at
 * once, and {@code sys/capabilities*}.
 */
class AccessControlApiTest {

    @TempDir
    static Path dir;
    static ApiTestNode api;
    static String app;

    @BeforeAll
    static void start() {
        api = ApiTestNode.start(dir);
        ok(api.post(ROOT, "sys/mounts/secret", "{'type':'kv','options':{'version':'2'}}"));
        writePolicy("app", "path \"secret/data/app/*\" { capabilities = [\"read\"] }");
        ok(api.post(ROOT, "secret/data/app/config", "{'data':{'user':'app'}}"));
        ok(api.post(ROOT, "secret/data/other", "{'data':{'user':'other'}}"));
        app = token("app");
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    static void ok(Result result) {
        assertThat(result.status()).as(String.valueOf(result.json())).isBetween(200, 204);
    }

    static void writePolicy(String name, String hcl) {
        ok(api.postRaw(ROOT, "sys/policies/acl/" + name, policyBody("policy", hcl)));
    }

    static String token(String policy) {
        Result created = api.post(ROOT, "auth/token/create", "{'policies':['" + policy + "']}");
        ok(created);
        return created.text("/auth/client_token");
    }

    @Test
    void appTokenReadsItsPathAndIsDeniedElsewhere() {
        assertThat(api.get(app, "secret/data/app/config").text("/data/data/user")).isEqualTo("app");
        assertThat(api.get(app, "secret/data/other").status()).isEqualTo(403);
        assertThat(api.post(app, "secret/data/app/config", "{'data':{'x':'y'}}").status()).isEqualTo(403);
        assertThat(api.get(app, "sys/policies/acl/app").status()).isEqualTo(403);
        Result denied = api.get(app, "sys/mounts");
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.errors()).containsExactly("permission denied");
    }

    @Test
    void defaultPolicyLetsATokenLookItselfUp() {
        assertThat(api.get(app, "auth/token/lookup-self").data().get("policies").toString())
                .isEqualTo("[\"app\",\"default\"]");
        assertThat(api.post(app, "auth/token/create", "{}").status()).isEqualTo(403);
    }

    @Test
    void writeToAnAbsentKeyNeedsCreateAndToAnExistingOneUpdate() {
        writePolicy("creator", "path \"secret/data/c/*\" { capabilities = [\"create\"] }");
        writePolicy("updater", "path \"secret/data/c/*\" { capabilities = [\"update\"] }");
        String creator = token("creator");
        String updater = token("updater");

        assertThat(api.post(updater, "secret/data/c/one", "{'data':{'v':'1'}}").status()).isEqualTo(403);
        assertThat(api.post(creator, "secret/data/c/one", "{'data':{'v':'1'}}").status()).isEqualTo(200);
        assertThat(api.post(creator, "secret/data/c/one", "{'data':{'v':'2'}}").status()).isEqualTo(403);
        assertThat(api.post(updater, "secret/data/c/one", "{'data':{'v':'2'}}").status()).isEqualTo(200);
    }

    @Test
    void rootProtectedPathsNeedSudo() {
        writePolicy("rotator", "path \"sys/rotate\" { capabilities = [\"update\"] }");
        writePolicy("sudo-rotator", "path \"sys/rotate\" { capabilities = [\"update\", \"sudo\"] }");

        assertThat(api.post(token("rotator"), "sys/rotate", "").status()).isEqualTo(403);
        assertThat(api.post(token("sudo-rotator"), "sys/rotate", "").status()).isEqualTo(204);
    }

    @Test
    void policyChangesApplyToExistingTokensAtOnce() {
        writePolicy("grows", "path \"secret/data/app/*\" { capabilities = [\"read\"] }");
        String token = token("grows");
        assertThat(api.get(token, "secret/data/other").status()).isEqualTo(403);

        writePolicy("grows", "path \"secret/data/*\" { capabilities = [\"read\"] }");
        assertThat(api.get(token, "secret/data/other").status()).isEqualTo(200);

        api.delete(ROOT, "sys/policies/acl/grows");
        assertThat(api.get(token, "secret/data/other").status()).isEqualTo(403);
    }

    @Test
    void parameterConstraintsSeeTheRequestBody() {
        writePolicy("limited", "path \"secret/data/p/*\" {\n capabilities = [\"create\", \"update\"]\n"
                + " denied_parameters = { \"options\" = [] }\n}");
        String token = token("limited");

        assertThat(api.post(token, "secret/data/p/a", "{'data':{'k':'v'}}").status()).isEqualTo(200);
        assertThat(api.post(token, "secret/data/p/a", "{'data':{'k':'v'},'options':{'cas':1}}").status())
                .isEqualTo(403);
    }

    @Test
    void capabilitiesSelfReportsSortedCapabilitiesPerPath() {
        writePolicy("caps", "path \"secret/data/caps/*\" { capabilities = [\"update\", \"read\", \"create\"] }");
        String token = token("caps");

        Result one = api.post(token, "sys/capabilities-self", "{'paths':['secret/data/caps/x']}");
        assertThat(one.json().get("capabilities").toString()).isEqualTo("[\"create\",\"read\",\"update\"]");
        assertThat(one.json().at("/data/secret~1data~1caps~1x").toString())
                .isEqualTo("[\"create\",\"read\",\"update\"]");

        Result two = api.post(token, "sys/capabilities-self", "{'paths':['secret/data/caps/x','sys/mounts']}");
        assertThat(two.data().has("capabilities")).isFalse();
        assertThat(two.data().get("sys/mounts").toString()).isEqualTo("[\"deny\"]");
        assertThat(api.post(ROOT, "sys/capabilities-self", "{'path':'anything'}").json().get("capabilities")
                .toString()).isEqualTo("[\"root\"]");
    }

    @Test
    void capabilitiesOfAnotherTokenByTokenOrAccessor() {
        String accessor = api.get(app, "auth/token/lookup-self").text("/data/accessor");

        Result byToken = api.post(ROOT, "sys/capabilities", "{'token':'" + app + "','paths':'secret/data/app/x'}");
        Result byAccessor = api.post(ROOT, "sys/capabilities-accessor",
                "{'accessor':'" + accessor + "','paths':['secret/data/app/x']}");

        assertThat(byToken.json().get("capabilities").toString()).isEqualTo("[\"read\"]");
        assertThat(byAccessor.json().get("capabilities").toString()).isEqualTo("[\"read\"]");
        assertThat(api.post(ROOT, "sys/capabilities", "{'token':'hvs.nope','paths':['x']}").errors())
                .containsExactly("invalid token");
        assertThat(api.post(app, "sys/capabilities", "{'token':'" + app + "','paths':['x']}").status())
                .isEqualTo(403);
    }
}
