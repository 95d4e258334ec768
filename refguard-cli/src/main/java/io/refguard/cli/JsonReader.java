package io.refguard.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the JSON the command writes ({@link Json}), to keep the jar free of a JSON library: a
 * recursive-descent parser of RFC 8259 values into {@link Map} (objects, keys in order), {@link
 * List}, {@link String}, {@link Long} or {@link Double}, {@link Boolean} and null.
 */
final class JsonReader {

    /** Text that is not JSON; the message says where. */
    static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message);
        }
    }

    private final String text;
    private int pos;

    private JsonReader(String text) {
        this.text = text;
    }

    /** The one value {@code text} holds, blanks around it allowed. */
    static Object parse(String text) throws Malformed {
        JsonReader r = new JsonReader(text);
        Object v = r.value(0);
        r.blanks();
        if (r.pos < text.length()) {
            throw r.malformed("text after the JSON value");
        }
        return v;
    }

    private Object value(int depth) throws Malformed {
        if (depth > 64) {
            throw malformed("values nested too deep");
        }
        blanks();
        if (pos >= text.length()) {
            throw malformed("the text ends where a value should be");
        }
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> object(depth);
            case '[' -> array(depth);
            case '"' -> string();
            case 't' -> word("true", Boolean.TRUE);
            case 'f' -> word("false", Boolean.FALSE);
            case 'n' -> word("null", null);
            default -> {
                if (c == '-' || c >= '0' && c <= '9') {
                    yield number();
                }
                throw malformed("unexpected '" + c + "'");
            }
        };
    }

    private Map<String, Object> object(int depth) throws Malformed {
        Map<String, Object> map = new LinkedHashMap<>();
        pos++;
        blanks();
        if (peek() == '}') {
            pos++;
            return map;
        }
        while (true) {
            blanks();
            if (peek() != '"') {
                throw malformed("a key should be a string");
            }
            String key = string();
            blanks();
            expect(':');
            map.put(key, value(depth + 1));
            blanks();
            if (peek() == ',') {
                pos++;
            } else {
                expect('}');
                return map;
            }
        }
    }

    private List<Object> array(int depth) throws Malformed {
        List<Object> list = new ArrayList<>();
        pos++;
        blanks();
        if (peek() == ']') {
            pos++;
            return list;
        }
        while (true) {
            list.add(value(depth + 1));
            blanks();
            if (peek() == ',') {
                pos++;
            } else {
                expect(']');
                return list;
            }
        }
    }

    private String string() throws Malformed {
        StringBuilder sb = new StringBuilder();
        pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '"') {
                return sb.toString();
            }
            if (c < 0x20) {
                throw malformed("a control character in a string");
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            if (pos >= text.length()) {
                break;
            }
            char e = text.charAt(pos++);
            switch (e) {
                case '"', '\\', '/' -> sb.append(e);
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> {
                    if (pos + 4 > text.length()
                            || !text.substring(pos, pos + 4).matches("[0-9a-fA-F]{4}")) {
                        throw malformed("a bad \\u escape");
                    }
                    sb.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                    pos += 4;
                }
                default -> throw malformed("a bad escape \\" + e);
            }
        }
        throw malformed("a string is not closed");
    }

    private Object number() throws Malformed {
        int start = pos;
        while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
        String n = text.substring(start, pos);
        if (!n.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) {
            throw malformed("a bad number '" + n + "'");
        }
        try {
            return n.matches("-?[0-9]+") ? (Object) Long.parseLong(n) : Double.parseDouble(n);
        } catch (NumberFormatException e) {
            throw malformed("a number out of range '" + n + "'");
        }
    }

    private Object word(String w, Object v) throws Malformed {
        if (!text.startsWith(w, pos)) {
            throw malformed("unexpected '" + text.charAt(pos) + "'");
        }
        pos += w.length();
        return v;
    }

    private void expect(char c) throws Malformed {
        if (peek() != c) {
            throw malformed(
                    pos >= text.length()
                            ? "the text ends before '" + c + "'"
                            : "'" + c + "' expected");
        }
        pos++;
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void blanks() {
        while (pos < text.length() && " \t\r\n".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
    }

    private Malformed malformed(String what) {
        int line = 1;
        int col = 1;
        for (int i = 0; i < Math.min(pos, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        return new Malformed(what + " at line " + line + ", column " + col);
    }
}
