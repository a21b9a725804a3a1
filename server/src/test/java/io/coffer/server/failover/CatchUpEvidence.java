package io.coffer.server.failover;

import io.coffer.server.testing.NodeProcess;
import java.util.List;
import java.util.Locale;

/** What a node's log says about how it caught up after its last start: from the leader's log, or a snapshot. */
final class CatchUpEvidence {

    private CatchUpEvidence() {
    }

    /** Whether the node installed a snapshot from the leader since its last start. */
    static boolean installedSnapshot(NodeProcess node) {
        return lastRun(node).stream().anyMatch(CatchUpEvidence::aboutInstall);
    }

    /** One line for the test output. */
    static String describe(NodeProcess node) {
        List<String> install = lastRun(node).stream().filter(CatchUpEvidence::aboutInstall).toList();
        return install.isEmpty() ? "no snapshot installation logged (caught up from the log)"
                : "snapshot installed from the leader: " + install.get(install.size() - 1).trim();
    }

    /** Ratis' follower-side install messages, or the state machine's restore of the installed snapshot. */
    private static boolean aboutInstall(String line) {
        String lower = line.toLowerCase(Locale.ROOT);
        return lower.contains("installsnapshot") || lower.contains("install snapshot")
                || lower.contains("restored") && lower.contains("keys of snapshot") || lower.contains("data replaced");
    }

    private static List<String> lastRun(NodeProcess node) {
        List<String> lines = node.stderr().lines().toList();
        int start = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("==== " + node.id() + " start #")) {
                start = i;
            }
        }
        return lines.subList(start, lines.size());
    }
}
