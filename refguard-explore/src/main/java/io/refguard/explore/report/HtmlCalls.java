package io.refguard.explore.report;

import static io.refguard.explore.report.HtmlRenderer.esc;

import java.util.ArrayList;
import java.util.List;

/**
 * The page's call tree: per thread, its steps in the order they ran, grouped under the user methods
 * they ran in ({@link CallPath}, the same groups as the text table's method lines), each group a
 * {@code <details>} that opens and closes without scripts.
 */
final class HtmlCalls {

    private static final String START = "start";

    private HtmlCalls() {}

    /** A method group: its call, and its children in order (groups and rendered items). */
    private static final class Group {
        final String name;
        final List<Object> children = new ArrayList<>();
        int steps;

        Group(String name) {
            this.name = name;
        }
    }

    /** Writes the section, or nothing when no step of the report has a user method. */
    static void write(InterleavingReport report, StringBuilder out) {
        List<String> threads = report.threads();
        List<Group> roots = new ArrayList<>();
        List<List<Group>> open = new ArrayList<>();
        List<List<CallPath.Call>> paths = new ArrayList<>();
        for (int t = 0; t < threads.size(); t++) {
            Group root = new Group(threads.get(t));
            roots.add(root);
            open.add(new ArrayList<>(List.of(root)));
            paths.add(List.of());
        }
        boolean anyMethod = false;
        int row = 0;
        for (TraceEvent e : report.events()) {
            int t = e.thread();
            if (t < 0 || t >= threads.size()) {
                continue;
            }
            List<Group> stack = open.get(t);
            if (e instanceof TraceEvent.Step s) {
                if (START.equals(s.label())) {
                    continue;
                }
                row++;
                List<CallPath.Call> path = CallPath.of(s);
                int keep = CallPath.common(paths.get(t), path);
                while (stack.size() > keep + 1) {
                    stack.remove(stack.size() - 1);
                }
                for (int d = keep; d < path.size(); d++) {
                    Group g = new Group(path.get(d).name());
                    stack.get(stack.size() - 1).children.add(g);
                    stack.add(g);
                    anyMethod = true;
                }
                paths.set(t, path);
                for (Group g : stack) {
                    g.steps++;
                }
                stack.get(stack.size() - 1).children.add(step(row, s));
            } else if (e instanceof TraceEvent.Blocked b) {
                stack.get(stack.size() - 1)
                        .children
                        .add(
                                "<li class=\"call-event\">blocked: waits for "
                                        + esc(b.waitsFor())
                                        + "</li>");
            } else if (e instanceof TraceEvent.Note n) {
                stack.get(stack.size() - 1)
                        .children
                        .add("<li class=\"call-event\">" + esc(n.text()) + "</li>");
            }
        }
        if (!anyMethod) {
            return;
        }
        out.append(
                "<section id=\"calls\">\n<h2>Calls</h2>\n<p class=\"legend\">Each thread's steps"
                        + " under the user methods they ran in, outermost first, as the step's stack shows"
                        + " them. Open or close a method to show or hide its steps; the numbers are the"
                        + " schedule's steps.</p>\n");
        for (int t = 0; t < threads.size(); t++) {
            Group root = roots.get(t);
            if (root.steps == 0) {
                continue;
            }
            out.append("<div class=\"calls lane-")
                    .append(t % 8)
                    .append("\" data-thread=\"")
                    .append(t)
                    .append("\">\n<h3>")
                    .append(esc(root.name))
                    .append("</h3>\n");
            children(root, out);
            out.append("</div>\n");
        }
        out.append("</section>\n");
    }

    private static void children(Group g, StringBuilder out) {
        out.append("<ul class=\"tree\">\n");
        for (Object c : g.children) {
            if (c instanceof Group child) {
                out.append("<li class=\"call\"><details open><summary><span class=\"method\">")
                        .append(esc(child.name))
                        .append("</span> <span class=\"count\">")
                        .append(child.steps)
                        .append(child.steps == 1 ? " step" : " steps")
                        .append("</span></summary>\n");
                children(child, out);
                out.append("</details></li>\n");
            } else {
                out.append(c).append('\n');
            }
        }
        out.append("</ul>\n");
    }

    private static String step(int row, TraceEvent.Step s) {
        StringBuilder sb =
                new StringBuilder("<li class=\"call-step\"><span class=\"no\">")
                        .append(row)
                        .append("</span> <span class=\"op\">")
                        .append(esc(s.label()))
                        .append("</span>");
        if (s.target() != null && !s.label().contains(s.target())) {
            sb.append(" <span class=\"obj\">").append(esc(s.target())).append("</span>");
        }
        if (s.location() != null) {
            sb.append(" <span class=\"loc\">").append(esc(s.location())).append("</span>");
        }
        return sb.append("</li>").toString();
    }
}
