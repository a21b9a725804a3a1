package io.coffer.api.policy;

import java.util.Comparator;

/**
 * A rule's path pattern, classified the way Vault classifies it.
 *
 * <ul>
 *   <li>{@code EXACT}: no glob; matches only the identical path. A {@code *} anywhere but last is literal.</li>
 *   <li>{@code PREFIX}: ends in {@code *} and has no {@code +} segment; matches every path starting with
 *       {@link #base()}.</li>
 *   <li>{@code SEGMENT}: has a {@code +} segment (the pattern is {@code +}, contains {@code /+} or starts with
 *       {@code +/}); each {@code +} part matches exactly one path segment, and a trailing {@code *} makes the last
 *       part a prefix.</li>
 * </ul>
 *
 * <p>{@link #PRIORITY} orders two patterns that both match a path, lowest priority first, by Vault's five rules.
 */
final class PathPattern {

    enum Kind { EXACT, PREFIX, SEGMENT }

    /** Lowest priority first, so the winner among matching patterns is the maximum. */
    static final Comparator<PathPattern> PRIORITY = Comparator
            // 1. the first wildcard or glob occurring earlier is lower priority
            .comparingInt((PathPattern p) -> p.firstWildcard)
            // 2. ending in * is lower priority
            .thenComparing((PathPattern p) -> !p.glob)
            // 3. more + segments is lower priority
            .thenComparing((PathPattern p) -> -p.wildcards)
            // 4. shorter is lower priority; 5. lexicographically smaller is lower priority
            .thenComparingInt((PathPattern p) -> p.base.length())
            .thenComparing((PathPattern p) -> p.base);

    private final String text;
    private final Kind kind;
    private final String base;
    private final boolean glob;
    private final String[] parts;
    private final int firstWildcard;
    private final int wildcards;

    private PathPattern(String text, Kind kind, boolean glob) {
        this.text = text;
        this.kind = kind;
        this.glob = glob;
        this.base = glob ? text.substring(0, text.length() - 1) : text;
        this.parts = kind == Kind.SEGMENT ? base.split("/", -1) : new String[0];
        this.firstWildcard = kind == Kind.SEGMENT ? text.indexOf('+') : base.length();
        int plus = 0;
        for (String part : parts) {
            if (part.equals("+")) {
                plus++;
            }
        }
        this.wildcards = plus;
    }

    /** Classifies {@code text}, a pattern already stripped of its leading {@code /}. */
    static PathPattern of(String text) {
        boolean glob = text.endsWith("*");
        if (text.equals("+") || text.contains("/+") || text.startsWith("+/")) {
            return new PathPattern(text, Kind.SEGMENT, glob);
        }
        return new PathPattern(text, glob ? Kind.PREFIX : Kind.EXACT, glob);
    }

    /** The pattern as written (leading {@code /} stripped). */
    String text() {
        return text;
    }

    Kind kind() {
        return kind;
    }

    /** The pattern without its trailing {@code *}. */
    String base() {
        return base;
    }

    /**
     * Whether this segment pattern matches a request path split on {@code /} (empty parts kept). Without a
     * trailing {@code *} the segment counts must be equal; with one, the path may be longer and its part at the
     * pattern's last position need only start with the pattern's last part.
     */
    boolean matchesSegments(String[] pathParts) {
        if (pathParts.length < parts.length || (!glob && pathParts.length != parts.length)) {
            return false;
        }
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            boolean last = i == parts.length - 1;
            if (!(part.equals("+") || part.equals(pathParts[i]) || (glob && last && pathParts[i].startsWith(part)))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Vault's "bare mount" test for segment patterns: whether the pattern's first parts cover every segment of
     * {@code mountParts}, the split of a mount path ending in {@code /} (so its last part is empty).
     */
    boolean coversMount(String[] mountParts) {
        int last = mountParts.length - 2;
        if (last < 0 || parts.length <= last) {
            return false;
        }
        for (int i = 0; i <= last; i++) {
            String part = parts[i];
            boolean finalPart = i == parts.length - 1;
            boolean match = part.equals("+") || part.equals(mountParts[i])
                    || (glob && finalPart && mountParts[i].startsWith(part));
            if (!match) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return text;
    }
}
