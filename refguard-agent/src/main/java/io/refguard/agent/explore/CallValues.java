package io.refguard.agent.explore;

import io.refguard.agent.bridge.LibraryCall;
import io.refguard.explore.Coordinator;
import io.refguard.explore.Named;

/**
 * A library call's arguments and result as the report's rows show them, compactly: strings quoted
 * and cut, boxed numbers and booleans as they print, enum constants by name, objects by the name
 * the run gave them ({@code ConcurrentHashMap#1}) or their class, lambdas as {@code lambda}. Only
 * traced runs format values, and formatting never calls a program's own {@code toString}.
 */
final class CallValues {

    /** Longest argument list or result shown; longer text ends with {@code ...}. */
    static final int MAX = 40;

    /** Longest string value shown, quotes included. */
    private static final int MAX_STRING = 24;

    private CallValues() {}

    /** The call's arguments, separated by commas, the receiver not counted. */
    static String arguments(RunModel r, LibraryCall call) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < call.argumentCount(); i++) {
            sb.append(i == 0 ? "" : ", ").append(of(r, call.argument(i)));
        }
        return cut(sb.toString());
    }

    /** The call's result, or null for a {@code void} method. */
    static String result(RunModel r, LibraryCall call, Object result) {
        return call.methodType().returnType() == void.class || result == NOT_YET
                ? null
                : cut(of(r, result));
    }

    /**
     * What a model's first step of a call returns when the call's result comes later ({@code
     * transfer} enqueues, then waits for a taker): the step shows no result.
     */
    static final Object NOT_YET = new Object();

    static String of(RunModel r, Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof String s) {
            String q = '"' + s + '"';
            return q.length() <= MAX_STRING ? q : q.substring(0, MAX_STRING - 4) + "...\"";
        }
        if (v instanceof Character c) {
            return "'" + c + "'";
        }
        if (v instanceof Integer
                || v instanceof Long
                || v instanceof Short
                || v instanceof Byte
                || v instanceof Boolean
                || v instanceof Double
                || v instanceof Float) {
            return v.toString();
        }
        if (v instanceof Enum<?> e) {
            return e.name();
        }
        if (v instanceof Named n) {
            return n.reportName();
        }
        String known = r.knownName(v);
        if (known != null) {
            return known;
        }
        Class<?> c = v.getClass();
        if (c.isSynthetic() || c.getName().contains("$$Lambda")) {
            return "lambda";
        }
        String named = Coordinator.reportName(v);
        return named != null ? named : c.getSimpleName();
    }

    private static String cut(String s) {
        return s.length() <= MAX ? s : s.substring(0, MAX - 3) + "...";
    }
}
