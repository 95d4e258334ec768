package io.refguard.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Java snippets of a Markdown document and how each becomes a compilation unit.
 *
 * <p>The rules (docs/ARCHITECTURE.md repeats them for writers of documentation):
 *
 * <ul>
 *   <li>Every {@code ```java} block is a snippet. Its {@code import} lines are its imports; the
 *       test adds only {@code import static io.refguard.docs.DocFixtures.*;}, which supplies the
 *       placeholders snippets may leave undefined ({@code server}, {@code executor}, {@code
 *       Index}).
 *   <li>A snippet made only of type declarations is a compilation unit as it stands.
 *   <li>Any other snippet is a fragment: its type and method declarations become members of a class
 *       {@code Snippet}, and its statements the body of that class's instance method {@code
 *       snippet() throws Throwable}.
 *   <li>A {@code ...} standing for left-out code (alone, or between braces) becomes a comment.
 *   <li>Snippets of one document that declare the same {@code package} are compiled together, so a
 *       test snippet can use the class of the snippet before it.
 *   <li>A snippet with {@code public static void main(String[])} is also run.
 * </ul>
 */
final class DocSnippets {

    /** One snippet: where it is, and its text. */
    record Snippet(String document, int line, String text) {
        @Override
        public String toString() {
            return document + ":" + line;
        }
    }

    private static final Pattern TYPE =
            Pattern.compile(
                    "^(@[\\w.]+(\\([^)]*\\))?\\s+)*((public|protected|private|static|final|abstract|sealed|non-sealed)\\s+)*"
                            + "(class|interface|record|enum|@interface)\\s+\\w+.*",
                    Pattern.DOTALL);
    private static final Pattern METHOD =
            Pattern.compile(
                    "^(@[\\w.]+(\\([^)]*\\))?\\s+)*((public|protected|private|static|final|abstract|synchronized)\\s+)*"
                            + "(<[^>]+>\\s+)?[\\w.<>\\[\\], ?]+\\s+\\w+\\s*\\([^;{]*\\)\\s*(throws\\s+[\\w., ]+)?\\s*\\{.*",
                    Pattern.DOTALL);
    private static final Pattern ELLIPSIS =
            Pattern.compile("(?<=^|[\\s{(])\\.\\.\\.(?=\\s*($|[});]))", Pattern.MULTILINE);

    private DocSnippets() {}

    static List<Snippet> extract(String document, String markdown) {
        List<Snippet> out = new ArrayList<>();
        String[] lines = markdown.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].strip().equals("```java")) {
                int start = i + 1;
                String indent = lines[i].substring(0, lines[i].indexOf('`'));
                StringBuilder sb = new StringBuilder();
                for (i = start; i < lines.length && !lines[i].strip().equals("```"); i++) {
                    String l = lines[i];
                    sb.append(l.startsWith(indent) ? l.substring(indent.length()) : l).append('\n');
                }
                out.add(new Snippet(document, start + 1, sb.toString()));
            }
        }
        return out;
    }

    /**
     * The compilation unit for {@code s}: its source and the name of its file, without {@code
     * .java}.
     */
    static String[] unit(Snippet s) {
        StringBuilder imports =
                new StringBuilder("import static io.refguard.docs.DocFixtures.*;\n");
        StringBuilder body = new StringBuilder();
        for (String line : s.text().split("\n", -1)) {
            String t = line.strip();
            if (t.startsWith("package ") && body.toString().isBlank()) {
                imports.insert(0, t + "\n");
            } else if (t.startsWith("import ") && body.toString().isBlank()) {
                imports.append(t).append('\n');
            } else {
                body.append(line).append('\n');
            }
        }
        String code = ELLIPSIS.matcher(body).replaceAll("/* ... */");
        List<String> types = new ArrayList<>();
        List<String> members = new ArrayList<>();
        List<String> statements = new ArrayList<>();
        for (String item : items(code)) {
            String head = stripComments(item).strip();
            if (head.isEmpty()) {
                continue;
            }
            if (TYPE.matcher(head).matches()) {
                types.add(item);
            } else if (METHOD.matcher(head).matches()
                    && !head.startsWith("try")
                    && !head.startsWith("for")
                    && !head.startsWith("while")
                    && !head.startsWith("if")
                    && !head.startsWith("synchronized")) {
                members.add(item);
            } else {
                statements.add(item);
            }
        }
        if (members.isEmpty() && statements.isEmpty()) {
            String name = publicType(types);
            return new String[] {
                imports + code, name != null ? name : "Snippet", packageOf(s.text())
            };
        }
        StringBuilder unit = new StringBuilder(imports).append("\nclass Snippet {\n");
        for (String t : types) {
            unit.append(t).append('\n');
        }
        for (String m : members) {
            unit.append(m).append('\n');
        }
        unit.append("void snippet() throws Throwable {\n");
        for (String st : statements) {
            unit.append(st).append('\n');
        }
        unit.append("}\n}\n");
        return new String[] {unit.toString(), "Snippet", packageOf(s.text())};
    }

    /** The snippet's package, or null. Snippets of one document in one package compile together. */
    static String packageOf(String text) {
        Matcher m = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;").matcher(text);
        return m.find() ? m.group(1) : null;
    }

    private static String publicType(List<String> types) {
        Pattern p =
                Pattern.compile(
                        "public\\s+(?:final\\s+|abstract\\s+)*(?:class|interface|record|enum)\\s+(\\w+)");
        for (String t : types) {
            Matcher m = p.matcher(stripComments(t));
            if (m.find()) {
                return m.group(1);
            }
        }
        return null;
    }

    /**
     * Splits code into its top-level items: a statement ends with a {@code ;} or a closing brace at
     * depth 0 (unless {@code else}, {@code catch}, {@code finally} or a chained call follows).
     * Strings, characters and comments are skipped.
     */
    static List<String> items(String code) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        int n = code.length();
        for (int i = 0; i < n; i++) {
            char c = code.charAt(i);
            if (c == '/' && i + 1 < n && code.charAt(i + 1) == '/') {
                i = code.indexOf('\n', i);
                if (i < 0) {
                    break;
                }
                continue;
            }
            if (c == '/' && i + 1 < n && code.charAt(i + 1) == '*') {
                i = code.indexOf("*/", i + 2) + 1;
                continue;
            }
            if (c == '"' || c == '\'') {
                for (i++; i < n && code.charAt(i) != c; i++) {
                    if (code.charAt(i) == '\\') {
                        i++;
                    }
                }
                continue;
            }
            if (c == '{' || c == '(') {
                depth++;
            } else if (c == '}' || c == ')') {
                depth--;
                if (depth == 0 && c == '}' && !continues(code, i + 1)) {
                    int end = lineEnd(code, i + 1);
                    out.add(code.substring(start, end));
                    start = end;
                    i = end - 1;
                }
            } else if (c == ';' && depth == 0) {
                int end = lineEnd(code, i + 1);
                out.add(code.substring(start, end));
                start = end;
                i = end - 1;
            }
        }
        if (start < n) {
            out.add(code.substring(start));
        }
        return out;
    }

    /** Whether code after a closing brace continues the same item. */
    private static boolean continues(String code, int from) {
        String rest = stripComments(code.substring(from)).stripLeading();
        return rest.startsWith("else")
                || rest.startsWith("catch")
                || rest.startsWith("finally")
                || rest.startsWith(".")
                || rest.startsWith(")")
                || rest.startsWith(",")
                || rest.startsWith(";")
                || rest.startsWith("while");
    }

    /** Includes a trailing comment on the same line. */
    private static int lineEnd(String code, int from) {
        int nl = code.indexOf('\n', from);
        if (nl < 0) {
            return code.length();
        }
        String between = code.substring(from, nl).strip();
        return between.isEmpty() || between.startsWith("//") ? nl + 1 : from;
    }

    private static String stripComments(String s) {
        return s.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\n]*", " ");
    }
}
