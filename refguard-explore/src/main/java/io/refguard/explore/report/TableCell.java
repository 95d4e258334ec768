package io.refguard.explore.report;

/**
 * One cell of the text table, kept in parts so that a cell too wide for its column folds its values
 * and never its source line: the indentation of its depth in the call tree, the operation, the
 * call's arguments and result, the touched object, and a tail that is always shown whole (the
 * source line, or the closing parenthesis of a note).
 *
 * @param indent spaces of the cell's depth in the call tree
 * @param op the operation, or the text of a cell that is not a step
 * @param args the arguments between the call's parentheses, or null when the operation is no call
 * @param result the call's result, or null
 * @param target the touched object when the operation does not name it, or null
 * @param tail shown as is, after everything else
 * @param method whether the cell is a method line of the call tree rather than a step
 */
record TableCell(
        String indent,
        String op,
        String args,
        String result,
        String target,
        String tail,
        boolean method) {

    /** Marks where a folded part was cut. */
    private static final String CUT = "...";

    /** A cell of plain text: a note, a method line, a folded row. */
    static TableCell text(String indent, String text, String tail, boolean method) {
        return new TableCell(indent, text, null, null, null, tail, method);
    }

    /**
     * A step's cell: {@code label} is split into operation, arguments and result when it is a call
     * ({@code Map.put("k", Buf#1) -> null}); {@code target} is shown when the label does not name
     * it, and {@code location} always.
     */
    static TableCell step(String indent, String label, String target, String location) {
        String shownTarget = target != null && !label.contains(target) ? target : null;
        String tail = location == null ? "" : " (" + location + ")";
        int open = label.indexOf('(');
        int close = open > 0 ? closing(label, open) : -1;
        if (close > 0) {
            String rest = label.substring(close + 1);
            if (rest.isEmpty() || rest.startsWith(" -> ")) {
                return new TableCell(
                        indent,
                        label.substring(0, open),
                        label.substring(open + 1, close),
                        rest.isEmpty() ? null : rest.substring(4),
                        shownTarget,
                        tail,
                        false);
            }
        }
        return new TableCell(indent, label, null, null, shownTarget, tail, false);
    }

    /** The index of the parenthesis closing the one at {@code open}, outside quotes; or -1. */
    private static int closing(String s, int open) {
        int depth = 0;
        boolean quoted = false;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' && (i == 0 || s.charAt(i - 1) != '\\')) {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** The whole cell. */
    String text() {
        return render(op, args, result, target);
    }

    /** The operation without its values, as a folded run counts it: {@code Map.get()}. */
    String verb() {
        if (args != null) {
            return op + "()";
        }
        int space = op.indexOf(' ');
        return space > 0 ? op.substring(0, space) : op;
    }

    /**
     * The cell in at most {@code width} characters where it can: the arguments are cut first, then
     * the object, then the result, each ending with {@code ...}; the indentation, the operation and
     * the tail are never cut, so a step always names its operation and source line.
     */
    String fold(int width) {
        String a = args;
        String r = result;
        String t = target;
        final String o = op;
        int excess = render(o, a, r, t).length() - width;
        if (excess > 0 && a != null) {
            a = cut(a, excess);
            excess = render(o, a, r, t).length() - width;
        }
        if (excess > 0 && t != null) {
            t = cut(t, excess);
            excess = render(o, a, r, t).length() - width;
        }
        if (excess > 0 && r != null) {
            r = cut(r, excess);
        }
        return render(o, a, r, t);
    }

    /** The narrowest this cell folds to: notes and method lines do not fold. */
    int narrowest() {
        return fold(0).length();
    }

    /**
     * {@code s} shortened by {@code by} characters where it can, ending with {@code ...}; a part of
     * up to four characters ({@code true}, {@code null}) stays, since cutting it gains at most one,
     * and a part cut to fewer than three characters is cut to {@code ...} alone, since a stub such
     * as {@code C...} names nothing.
     */
    private static String cut(String s, int by) {
        int keep = Math.max(0, s.length() - by - CUT.length());
        if (keep < 3) {
            keep = 0;
        }
        return keep + CUT.length() + 1 >= s.length() ? s : s.substring(0, keep) + CUT;
    }

    private String render(String o, String a, String r, String t) {
        StringBuilder sb = new StringBuilder(indent).append(o);
        if (a != null) {
            sb.append('(').append(a).append(')');
        }
        if (r != null) {
            sb.append(" -> ").append(r);
        }
        if (t != null) {
            sb.append(' ').append(t);
        }
        return sb.append(tail).toString();
    }
}
