package io.coffer.api.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits HCL (version 1, the dialect of Vault policies) into tokens, with line and column for error messages.
 * Comments ({@code #}, {@code //} and block comments) are dropped; string tokens carry their unescaped text;
 * heredocs ({@code <<EOF ... EOF}, {@code <<-EOF}) become one token. Used only by {@link HclSyntax}.
 */
final class HclLexer {

    enum Type { IDENT, STRING, NUMBER, HEREDOC, LBRACE, RBRACE, LBRACK, RBRACK, ASSIGN, COMMA, EOF }

    record Token(Type type, String text, int line, int column) {

        String at() {
            return "At " + line + ":" + column + ": ";
        }

        String describe() {
            return switch (type) {
                case EOF -> "end of input";
                case STRING -> "string \"" + text + "\"";
                case HEREDOC -> "heredoc";
                default -> "'" + text + "'";
            };
        }
    }

    private static final Pattern NUMBER =
            Pattern.compile("-?(0[xX][0-9a-fA-F]+|[0-9]+(\\.[0-9]+)?)");

    private final String src;
    private int pos;
    private int line = 1;
    private int column = 1;

    private HclLexer(String src) {
        this.src = src;
    }

    /** All tokens of {@code src}, ending with one {@code EOF} token. */
    static List<Token> tokens(String src) {
        HclLexer lexer = new HclLexer(src);
        List<Token> out = new ArrayList<>();
        Token token;
        do {
            token = lexer.next();
            out.add(token);
        } while (token.type() != Type.EOF);
        return out;
    }

    private Token next() {
        skipBlanksAndComments();
        int l = line;
        int c = column;
        if (pos >= src.length()) {
            return new Token(Type.EOF, "", l, c);
        }
        char ch = src.charAt(pos);
        Type punct = switch (ch) {
            case '{' -> Type.LBRACE;
            case '}' -> Type.RBRACE;
            case '[' -> Type.LBRACK;
            case ']' -> Type.RBRACK;
            case '=' -> Type.ASSIGN;
            case ',' -> Type.COMMA;
            default -> null;
        };
        if (punct != null) {
            advance();
            return new Token(punct, String.valueOf(ch), l, c);
        }
        if (ch == '"') {
            return string(l, c);
        }
        if (ch == '<' && peek(1) == '<') {
            return heredoc(l, c);
        }
        if (Character.isDigit(ch) || (ch == '-' && Character.isDigit(peek(1)))) {
            return number(l, c);
        }
        if (Character.isLetter(ch) || ch == '_') {
            return ident(l, c);
        }
        throw error(l, c, "illegal char \"" + ch + "\"");
    }

    private void skipBlanksAndComments() {
        while (pos < src.length()) {
            char ch = src.charAt(pos);
            if (Character.isWhitespace(ch)) {
                advance();
            } else if (ch == '#' || (ch == '/' && peek(1) == '/')) {
                while (pos < src.length() && src.charAt(pos) != '\n') {
                    advance();
                }
            } else if (ch == '/' && peek(1) == '*') {
                int l = line;
                int c = column;
                int end = src.indexOf("*/", pos + 2);
                if (end < 0) {
                    throw error(l, c, "comment not terminated");
                }
                while (pos < end + 2) {
                    advance();
                }
            } else {
                return;
            }
        }
    }

    /** A quoted string; like HCL, a newline ends it only outside a {@code ${...}} interpolation. */
    private Token string(int l, int c) {
        advance();
        StringBuilder text = new StringBuilder();
        int braces = 0;
        while (true) {
            if (pos >= src.length()) {
                throw error(l, c, "literal not terminated");
            }
            char ch = advance();
            if (ch == '\n' && braces == 0) {
                throw error(l, c, "literal not terminated");
            }
            if (ch == '"' && braces == 0) {
                return new Token(Type.STRING, text.toString(), l, c);
            }
            if (ch == '\\') {
                if (pos >= src.length()) {
                    throw error(l, c, "literal not terminated");
                }
                int escapeLine = line;
                int escapeColumn = column - 1;
                char escaped = advance();
                if ("ntr\"\\".indexOf(escaped) < 0) {
                    throw error(escapeLine, escapeColumn, "unsupported escape sequence \"\\" + escaped + "\"");
                }
                text.append(unescape(escaped));
                continue;
            }
            if (braces == 0 && ch == '$' && peek(0) == '{') {
                braces++;
                text.append(ch);
                ch = advance();
            } else if (braces > 0 && ch == '{') {
                braces++;
            } else if (braces > 0 && ch == '}') {
                braces--;
            }
            text.append(ch);
        }
    }

    private Token heredoc(int l, int c) {
        advance();
        advance();
        if (peek(0) == '-') {
            advance();
        }
        int start = pos;
        while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
            advance();
        }
        String anchor = src.substring(start, pos);
        if (peek(0) == '\r') {
            advance();
        }
        if (anchor.isEmpty() || peek(0) != '\n') {
            throw error(l, c, "invalid heredoc anchor");
        }
        advance();
        StringBuilder text = new StringBuilder();
        while (pos < src.length()) {
            int end = src.indexOf('\n', pos);
            String lineText = src.substring(pos, end < 0 ? src.length() : end + 1);
            for (int i = 0; i < lineText.length(); i++) {
                advance();
            }
            if (lineText.strip().equals(anchor)) {
                return new Token(Type.HEREDOC, text.toString(), l, c);
            }
            text.append(lineText);
        }
        throw error(l, c, "heredoc not terminated");
    }

    private Token number(int l, int c) {
        int start = pos;
        advance();
        while (pos < src.length()) {
            char ch = src.charAt(pos);
            char prev = src.charAt(pos - 1);
            boolean sign = (ch == '+' || ch == '-') && (prev == 'e' || prev == 'E');
            if (!(Character.isLetterOrDigit(ch) || ch == '.' || sign)) {
                break;
            }
            advance();
        }
        String text = src.substring(start, pos);
        if (!NUMBER.matcher(text).matches()) {
            throw error(l, c, "invalid number \"" + text + "\"");
        }
        return new Token(Type.NUMBER, text, l, c);
    }

    private Token ident(int l, int c) {
        int start = pos;
        while (pos < src.length()) {
            char ch = src.charAt(pos);
            if (!(Character.isLetterOrDigit(ch) || ch == '_' || ch == '-' || ch == '.')) {
                break;
            }
            advance();
        }
        return new Token(Type.IDENT, src.substring(start, pos), l, c);
    }

    private static char unescape(char ch) {
        return switch (ch) {
            case 'n' -> '\n';
            case 't' -> '\t';
            case 'r' -> '\r';
            default -> ch;
        };
    }

    private char peek(int ahead) {
        int at = pos + ahead;
        return at < src.length() ? src.charAt(at) : '\0';
    }

    private char advance() {
        char ch = src.charAt(pos++);
        if (ch == '\n') {
            line++;
            column = 1;
        } else {
            column++;
        }
        return ch;
    }

    private static PolicyException error(int line, int column, String message) {
        return PolicyException.parse("At " + line + ":" + column + ": " + message);
    }
}
