package io.coffer.api.policy;

import java.util.List;

/**
 * A named, parsed ACL policy.
 *
 * @param name  the lowercased policy name
 * @param raw   the text as written (HCL or JSON); returned verbatim by {@code GET sys/policies/acl/<name>}
 * @param rules the path rules in the order written
 */
public record Policy(String name, String raw, List<PathRule> rules) {

    public Policy {
        rules = List.copyOf(rules);
    }

    /** Whether any rule uses identity templating (such rules grant nothing until identity is supported). */
    public boolean templated() {
        return rules.stream().anyMatch(PathRule::templated);
    }
}
