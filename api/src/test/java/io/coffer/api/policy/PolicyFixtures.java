package io.coffer.api.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Policy fixtures under {@code src/test/resources/policy/}, plus the built-in {@code default} and {@code root}. */
final class PolicyFixtures {

    private PolicyFixtures() {
    }

    static String text(String file) {
        try (InputStream in = PolicyFixtures.class.getResourceAsStream("/policy/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean exists(String file) {
        return PolicyFixtures.class.getResource("/policy/" + file) != null;
    }

    /** The fixture {@code name} in format {@code ext} ("hcl" or "json"), or a built-in policy. */
    static Policy policy(String name, String ext) {
        return switch (name) {
            case "default" -> Policies.defaultPolicy();
            case "root" -> Policies.root();
            default -> PolicyParser.parse(name, text(name + "." + ext));
        };
    }

    /** The ACL of the comma-separated fixture names. */
    static Acl acl(String names, String ext) {
        List<Policy> policies = new ArrayList<>();
        for (String name : names.split(",")) {
            policies.add(policy(name, ext));
        }
        return Acl.of(policies);
    }

    /** The ACL of one inline policy text (HCL or JSON). */
    static Acl inline(String text) {
        return Acl.of(List.of(PolicyParser.parse("inline", text)));
    }
}
