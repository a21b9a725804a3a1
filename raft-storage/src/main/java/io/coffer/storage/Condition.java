package io.coffer.storage;

/** A transaction guard: {@code key} must currently be at {@code revision}; revision 0 means the key must be absent. */
public record Condition(String key, long revision) {

    public static Condition absent(String key) {
        return new Condition(key, 0);
    }

    public static Condition at(Entry entry) {
        return new Condition(entry.key(), entry.revision());
    }
}
