package io.coffer.api.policy;

import io.coffer.api.policy.HclLexer.Token;
import io.coffer.api.policy.HclLexer.Type;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks that a policy text is well-formed HCL before hcl4j turns it into maps. hcl4j 0.9.4 is lenient where
 * Vault's HCL parser is not: it silently accepts an unterminated block, an unterminated string, a missing
 * {@code ]}, a stray closing brace, trailing garbage or a bare word as a value, and keeps only the last of two
 * equal keys. Vault refuses all of these, so this recogniser does too, with HCL's {@code At line:col:} positions.
 *
 * <p>It also refuses what hcl4j would silently change or cannot parse: a top-level {@code path} that is not a
 * block with exactly one label, <code>${</code> template sequences in strings, and two assignments on one line
 * without a comma.
 */
final class HclSyntax {

    private final List<Token> tokens;
    private int index;

    private HclSyntax(List<Token> tokens) {
        this.tokens = tokens;
    }

    /** Throws a {@link PolicyException} describing the first syntax error of {@code text}, if any. */
    static void check(String text) {
        HclSyntax syntax = new HclSyntax(HclLexer.tokens(text));
        syntax.body(true);
        Token end = syntax.next();
        if (end.type() != Type.EOF) {
            throw error(end, "unexpected " + end.describe());
        }
    }

    /** Object items up to a {@code }} or the end; the caller consumes the closing token. */
    private void body(boolean topLevel) {
        Set<String> seen = new HashSet<>();
        while (peek().type() != Type.RBRACE && peek().type() != Type.EOF) {
            Token key = next();
            if (key.type() != Type.IDENT && key.type() != Type.STRING) {
                throw error(key, "expected a key, got " + key.describe());
            }
            literal(key);
            StringBuilder id = new StringBuilder(key.text());
            int labels = 0;
            while (peek().type() == Type.STRING || peek().type() == Type.IDENT) {
                Token label = next();
                literal(label);
                id.append('\0').append(label.text());
                labels++;
            }
            Token open = next();
            if (open.type() == Type.ASSIGN && labels == 0) {
                value();
            } else if (open.type() == Type.LBRACE) {
                block(open);
            } else {
                throw error(open, "key '" + key.text() + "' expected start of object ('{') or assignment ('=')");
            }
            if (topLevel && key.text().equals("path") && (labels != 1 || open.type() != Type.LBRACE)) {
                throw error(key, "expected path \"<pattern>\" { ... }");
            }
            if (!topLevel && !seen.add(id.toString())) {
                throw error(key, "duplicate key \"" + key.text() + "\"");
            }
            if (peek().type() == Type.COMMA) {
                next();
            } else if (open.type() == Type.ASSIGN && peek().type() != Type.RBRACE && peek().type() != Type.EOF
                    && peek().line() == tokens.get(index - 1).line()) {
                throw error(peek(), "expected a newline or ',' before " + peek().describe());
            }
        }
    }

    private void block(Token open) {
        body(false);
        Token close = next();
        if (close.type() != Type.RBRACE) {
            throw error(close, "object expected closing RBRACE got: " + close.describe()
                    + " (block opened at " + open.line() + ":" + open.column() + ")");
        }
    }

    private void value() {
        Token token = next();
        switch (token.type()) {
            case STRING -> literal(token);
            case NUMBER, HEREDOC -> {
            }
            case IDENT -> {
                if (!token.text().equals("true") && !token.text().equals("false")) {
                    throw error(token, "unknown token: IDENT " + token.text() + " (strings must be quoted)");
                }
            }
            case LBRACK -> list();
            case LBRACE -> block(token);
            default -> throw error(token, "expected a value, got " + token.describe());
        }
    }

    private void list() {
        while (peek().type() != Type.RBRACK) {
            value();
            Type after = peek().type();
            if (after == Type.COMMA) {
                next();
            } else if (after != Type.RBRACK) {
                throw error(peek(), "error parsing list, expected comma or list end, got: " + peek().describe());
            }
        }
        next();
    }

    /**
     * Vault's HCL keeps <code>${...}</code> in a string as literal text, but hcl4j evaluates it (dropping a path
     * block or rewriting a value), so such strings are refused rather than silently changed.
     */
    private static void literal(Token token) {
        if (token.type() == Type.STRING && (token.text().contains("${") || token.text().contains("%{"))) {
            throw error(token, "template sequences (\"${\" or \"%{\") are not supported in policy strings");
        }
    }

    private Token peek() {
        return tokens.get(index);
    }

    private Token next() {
        Token token = tokens.get(index);
        if (token.type() != Type.EOF) {
            index++;
        }
        return token;
    }

    private static PolicyException error(Token token, String message) {
        return PolicyException.parse(token.at() + message);
    }
}
