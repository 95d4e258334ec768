package io.refguard.cli;

import io.refguard.explore.Coverage;
import io.refguard.run.Outcome;
import java.util.List;
import java.util.Locale;

/**
 * The {@code --json} output: one object per case or exploration, written by hand to keep the jar
 * free of a JSON library. Every object has the same keys, in this order:
 *
 * <pre>
 * case         the case name, or the explored class
 * variant      "buggy" or "fixed"; null for an exploration of a class
 * verdict      "bug_found", "verified", "clean" or "inconclusive"; for a case also "missed" or
 *              "false_alarm"
 * expected     the verdict a case should get; null for an exploration of a class
 * ok           whether the verdict is the expected one (true when nothing was expected)
 * schedules    runs executed
 * millis       wall time of the exploration
 * preemptions  in the failing schedule; else the bound the exhaustive search covered; null when
 *              the search had no bound
 * token        the replay token of the failing schedule, or of the run an inconclusive
 *              exploration could not control or repeat, or null
 * strategy     how the search was done
 * failure      the one-line failure summary (or why it is inconclusive), or null
 * report       the rendered failure report (the interleaving table), or the whole message of an
 *              inconclusive exploration, or null
 * choice_points  of a search that passed: scheduling points at which more than one thread could
 *              go on; else null
 * guarantee    of a search that passed: what it covered, as a sentence; else null
 * coverage     of a search that passed: {"orders": distinct orders of dependent steps seen,
 *              "seen_once": those seen in one run only, "runs": runs counted, "unseen_estimate":
 *              the Good-Turing estimate seen_once/runs of the new orders a further run shows
 *              (below 1, also at most the chance that it shows one), "capped": whether the
 *              memory bound stopped the count}; else null
 * shard        of an exploration run as one shard ({@code --shard i/N}): {"index": i, "count": N};
 *              else null
 * </pre>
 */
final class Json {

    private Json() {}

    /** One outcome as a JSON object on one line, not a shard's. */
    static String object(Outcome o) {
        return object(o, 1, 0);
    }

    /**
     * One outcome as a JSON object on one line: of shard {@code shardIndex} of {@code shardCount},
     * or of a whole exploration when {@code shardCount} is 0 (an explicit {@code --shard 1/1} is a
     * shard, so that a job matrix of one still merges).
     */
    static String object(Outcome o, int shardIndex, int shardCount) {
        StringBuilder sb = new StringBuilder(256);
        sb.append('{');
        field(sb, "case", o.name()).append(',');
        field(sb, "variant", o.variant()).append(',');
        field(sb, "verdict", o.verdict().id()).append(',');
        field(sb, "expected", o.expected() == null ? null : o.expected().id()).append(',');
        sb.append("\"ok\":").append(o.asExpected()).append(',');
        sb.append("\"schedules\":").append(o.schedules()).append(',');
        sb.append("\"millis\":").append(o.millis()).append(',');
        sb.append("\"preemptions\":")
                .append(o.preemptions() < 0 ? "null" : String.valueOf(o.preemptions()))
                .append(',');
        field(sb, "token", o.token()).append(',');
        field(sb, "strategy", o.strategy()).append(',');
        field(sb, "failure", o.failure()).append(',');
        field(sb, "report", o.table()).append(',');
        sb.append("\"choice_points\":")
                .append(o.choicePoints() < 0 ? "null" : String.valueOf(o.choicePoints()))
                .append(',');
        field(sb, "guarantee", o.guarantee()).append(',');
        coverage(sb, o);
        sb.append(',');
        sb.append("\"shard\":")
                .append(
                        shardCount == 0
                                ? "null"
                                : "{\"index\":" + shardIndex + ",\"count\":" + shardCount + "}");
        return sb.append('}').toString();
    }

    private static void coverage(StringBuilder sb, Outcome o) {
        Coverage c = o.coverage();
        sb.append("\"coverage\":");
        if (c == null) {
            sb.append("null");
            return;
        }
        sb.append("{\"orders\":")
                .append(c.orders())
                .append(",\"seen_once\":")
                .append(c.seenOnce())
                .append(",\"runs\":")
                .append(c.runs())
                .append(",\"unseen_estimate\":")
                .append(String.format(Locale.ROOT, "%.6f", c.unseen()))
                .append(",\"capped\":")
                .append(c.capped())
                .append('}');
    }

    /** Several objects as a JSON array, one object per line. */
    static String array(List<String> objects) {
        if (objects.isEmpty()) {
            return "[]";
        }
        return "[\n" + String.join(",\n", objects) + "\n]";
    }

    private static StringBuilder field(StringBuilder sb, String key, String value) {
        sb.append('"').append(key).append("\":");
        if (value == null) {
            return sb.append("null");
        }
        return string(sb, value);
    }

    /** Appends {@code s} as a JSON string literal (RFC 8259 escapes). */
    static StringBuilder string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"');
    }
}
