package io.refguard.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One shard's result, as {@code explore --shard i/N --json} wrote it (see {@link Json}), read back
 * for {@code merge}.
 */
record ShardResult(
        Path file,
        String scenario,
        String verdict,
        long schedules,
        long millis,
        Long preemptions,
        String token,
        String strategy,
        String failure,
        String report,
        Long choicePoints,
        String guarantee,
        int index,
        int count) {

    private static final Pattern SHARD_SUFFIX = Pattern.compile(", shard [0-9]+/[0-9]+$");

    /** The shard's name, such as {@code 2/4}. */
    String name() {
        return index + "/" + count;
    }

    /** The strategy without the shard's name: the same for every shard of one exploration. */
    String search() {
        return SHARD_SUFFIX.matcher(strategy).replaceFirst("");
    }

    /**
     * Reads {@code file}.
     *
     * @throws RefguardCommand.UserError when it cannot be read or is not a shard's result
     */
    static ShardResult read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw new RefguardCommand.UserError(
                    "cannot read " + file + " (" + e + "); give the files explore --json wrote", e);
        }
        Object v;
        try {
            v = JsonReader.parse(text);
        } catch (JsonReader.Malformed e) {
            throw notAResult(file, "it is not JSON: " + e.getMessage());
        }
        if (!(v instanceof Map<?, ?> o)) {
            throw notAResult(file, "it holds no JSON object");
        }
        Object shard = o.get("shard");
        String verdict = text(o, "verdict", file);
        if (!o.containsKey("case") || !o.containsKey("schedules")) {
            throw notAResult(file, "it has no \"case\" or \"schedules\"");
        }
        if (shard == null) {
            throw new RefguardCommand.UserError(
                    file
                            + " is the result of an exploration that was not sharded (its \"shard\" is"
                            + " null or missing); merge combines the results of explore --shard i/N"
                            + " --json",
                    null);
        }
        if (!(shard instanceof Map<?, ?> s)
                || !(s.get("index") instanceof Long i)
                || !(s.get("count") instanceof Long n)
                || n < 1
                || i < 1
                || i > n) {
            throw notAResult(
                    file, "its \"shard\" is not {\"index\": i, \"count\": N} with 1 <= i <= N");
        }
        if (!verdict.matches("bug_found|verified|clean|inconclusive")) {
            throw notAResult(file, "its verdict \"" + verdict + "\" is not one explore gives");
        }
        return new ShardResult(
                file,
                text(o, "case", file),
                verdict,
                number(o, "schedules", file),
                number(o, "millis", file),
                optionalNumber(o, "preemptions", file),
                optionalText(o, "token", file),
                text(o, "strategy", file),
                optionalText(o, "failure", file),
                optionalText(o, "report", file),
                optionalNumber(o, "choice_points", file),
                optionalText(o, "guarantee", file),
                (int) (long) i,
                (int) Math.min(n, Integer.MAX_VALUE));
    }

    private static String text(Map<?, ?> o, String key, Path file) {
        String s = optionalText(o, key, file);
        if (s == null) {
            throw notAResult(file, "its \"" + key + "\" is missing");
        }
        return s;
    }

    private static String optionalText(Map<?, ?> o, String key, Path file) {
        Object v = o.get(key);
        if (v != null && !(v instanceof String)) {
            throw notAResult(file, "its \"" + key + "\" is not a string");
        }
        return (String) v;
    }

    private static long number(Map<?, ?> o, String key, Path file) {
        Long n = optionalNumber(o, key, file);
        if (n == null) {
            throw notAResult(file, "its \"" + key + "\" is missing");
        }
        return n;
    }

    private static Long optionalNumber(Map<?, ?> o, String key, Path file) {
        Object v = o.get(key);
        if (v != null && !(v instanceof Long n && n >= 0)) {
            throw notAResult(file, "its \"" + key + "\" is not a whole number from 0");
        }
        return (Long) v;
    }

    private static RefguardCommand.UserError notAResult(Path file, String why) {
        return new RefguardCommand.UserError(
                file
                        + " is not a refguard result ("
                        + why
                        + "); give the files explore --shard i/N --json wrote",
                null);
    }
}
