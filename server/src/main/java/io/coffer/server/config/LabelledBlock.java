package io.coffer.server.config;

import java.util.Map;

/** A block such as {@code listener "tcp" { ... }}: its label ("tcp", or null when unlabelled) and its body. */
record LabelledBlock(String label, Map<String, Object> body) {
}
