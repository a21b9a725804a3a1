package io.coffer.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.api.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Vault's audit HMAC: {@code hmac-sha256:} + hex of HMAC-SHA256 keyed with the salt string. */
class HasherTest {

    private static final String SALT = "0d2c8d6e-5bf5-4a4d-9b5c-6c2b9bd1f3a1";
    private final Hasher hasher = new Hasher(SALT);

    @Test
    void hashMatchesKnownHmacSha256Vector() {
        // python3: hmac.new(SALT.encode(), b"my-secret", hashlib.sha256).hexdigest()
        assertThat(hasher.hash("my-secret"))
                .isEqualTo("hmac-sha256:0a1cf68016d9646bc15ca4f0f4d5080b1b986d856c33ce4c100be0c8278a32de");
    }

    @Test
    void differentSaltsGiveDifferentHashes() {
        assertThat(new Hasher("another-salt").hash("my-secret")).isNotEqualTo(hasher.hash("my-secret"));
    }

    @Test
    void everyStringInANestedStructureIsHashedAndNothingElse() throws IOException {
        JsonNode input = parse("{\"data\":{\"password\":\"p4ss\",\"list\":[\"a\",1,true,null,{\"deep\":\"x\"}]},"
                + "\"version\":3,\"flag\":false,\"nothing\":null}");
        JsonNode hashed = hasher.hashStrings(input);

        assertThat(hashed.at("/data/password").asText()).isEqualTo(hasher.hash("p4ss"));
        assertThat(hashed.at("/data/list/0").asText()).isEqualTo(hasher.hash("a"));
        assertThat(hashed.at("/data/list/1").asInt()).isEqualTo(1);
        assertThat(hashed.at("/data/list/2").asBoolean()).isTrue();
        assertThat(hashed.at("/data/list/3").isNull()).isTrue();
        assertThat(hashed.at("/data/list/4/deep").asText()).isEqualTo(hasher.hash("x"));
        assertThat(hashed.get("version").asInt()).isEqualTo(3);
        assertThat(hashed.get("flag").asBoolean()).isFalse();
        assertThat(hashed.get("nothing").isNull()).isTrue();
        assertThat(hashed.fieldNames()).toIterable().containsExactly("data", "version", "flag", "nothing");
    }

    @Test
    void hashingLeavesTheInputUntouched() throws IOException {
        JsonNode input = parse("{\"a\":{\"b\":[\"c\"]}}");
        hasher.hashStrings(input);
        assertThat(input.at("/a/b/0").asText()).isEqualTo("c");
    }

    @Test
    void keysAreNeverHashed() throws IOException {
        JsonNode hashed = hasher.hashStrings(parse("{\"secret-name\":{\"inner-key\":\"v\"}}"));
        assertThat(hashed.has("secret-name")).isTrue();
        assertThat(hashed.get("secret-name").has("inner-key")).isTrue();
    }

    private static JsonNode parse(String json) throws IOException {
        return Json.parse(json.getBytes(StandardCharsets.UTF_8));
    }
}
