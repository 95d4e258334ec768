package io.refguard.agent.explore;

import io.refguard.agent.bridge.LibraryCall;
import java.util.Set;

/**
 * The JDK classes besides the collections that {@link SharedCollections} checks for use by two
 * threads with nothing to order the calls: each keeps state that its calls change without any
 * synchronization, and the JDK documents that it must be synchronized externally. A call on one of
 * them runs inside the JDK, atomically for the explorer, so two threads' relative {@code putInt} on
 * one {@code ByteBuffer} or {@code append} on one {@code StringBuilder} could never lose an update
 * in an explored run, although they do on a real machine: instead the unordered pair is reported.
 *
 * <p>Each family says which of its calls only read (two reads never conflict) and what to do
 * instead. Buffers are told apart from their duplicates and slices: each has a position of its own,
 * so threads that each use their own {@code duplicate()} do not conflict (what they miss: two
 * duplicates' writes to the same content).
 */
enum UnsharedTypes {

    /** {@code java.nio} buffers: a relative {@code get} moves the position, so it is a change. */
    BUFFER(
            "give each thread its own duplicate() (each has its own position and limit)",
            Set.of(
                    "position",
                    "limit",
                    "capacity",
                    "remaining",
                    "hasRemaining",
                    "isDirect",
                    "isReadOnly",
                    "hasArray",
                    "array",
                    "arrayOffset",
                    "order",
                    "duplicate",
                    "slice",
                    "asReadOnlyBuffer",
                    "asCharBuffer",
                    "asShortBuffer",
                    "asIntBuffer",
                    "asLongBuffer",
                    "asFloatBuffer",
                    "asDoubleBuffer",
                    "alignmentOffset",
                    "alignedSlice",
                    "mismatch",
                    "compareTo",
                    "isLoaded",
                    "load",
                    "force")) {
        /** What a buffer fixes when it is made: no use of its state, so never checked. */
        private static final Set<String> FIXED =
                Set.of("capacity", "isDirect", "isReadOnly", "hasArray", "array", "arrayOffset");

        @Override
        boolean fixed(LibraryCall call) {
            return FIXED.contains(call.name()) && call.argumentCount() == 0;
        }

        @Override
        boolean reads(LibraryCall call) {
            String n = call.name();
            if (n.startsWith("get")) {
                // get(int), getInt(int), get(int, byte[]): absolute; get(), get(byte[]): relative
                return call.argumentCount() > 0 && call.argument(0) instanceof Integer;
            }
            // position(), limit() and order() read; position(5), limit(8), order(LE) change
            return super.reads(call)
                    && !(call.argumentCount() > 0
                            && (n.equals("position") || n.equals("limit") || n.equals("order")));
        }
    },

    /** {@code StringBuilder} ({@code StringBuffer} synchronizes and is modeled as a lock). */
    STRING_BUILDER(
            "use a StringBuffer, or build the text on one thread",
            Set.of(
                    "length",
                    "charAt",
                    "codePointAt",
                    "codePointBefore",
                    "codePointCount",
                    "offsetByCodePoints",
                    "getChars",
                    "indexOf",
                    "lastIndexOf",
                    "substring",
                    "subSequence",
                    "capacity",
                    "chars",
                    "codePoints",
                    "compareTo",
                    "isEmpty")),

    /** {@code BitSet}. */
    BIT_SET(
            "keep the bits in an AtomicLongArray",
            Set.of(
                    "get",
                    "nextSetBit",
                    "nextClearBit",
                    "previousSetBit",
                    "previousClearBit",
                    "length",
                    "isEmpty",
                    "intersects",
                    "cardinality",
                    "size",
                    "toByteArray",
                    "toLongArray",
                    "stream")),

    /**
     * {@code java.text} formats ({@code SimpleDateFormat}, {@code DecimalFormat}, ...): {@code
     * format} and {@code parse} use fields of the format as scratch space, so they change it.
     */
    FORMAT(
            "give each thread its own format (a ThreadLocal), or use java.time's"
                    + " DateTimeFormatter, which is immutable",
            Set.of(
                    "toPattern",
                    "toLocalizedPattern",
                    "getTimeZone",
                    "isLenient",
                    "getMaximumFractionDigits",
                    "getMinimumFractionDigits",
                    "getMaximumIntegerDigits",
                    "getMinimumIntegerDigits")),

    /** A regular expression's {@code Matcher}: {@code find} and {@code matches} move its state. */
    MATCHER(
            "give each thread its own matcher (pattern.matcher(text)); the Pattern itself may be"
                    + " shared",
            Set.of(
                    "start",
                    "end",
                    "group",
                    "groupCount",
                    "hitEnd",
                    "requireEnd",
                    "pattern",
                    "regionStart",
                    "regionEnd",
                    "hasTransparentBounds",
                    "hasAnchoringBounds",
                    "namedGroups")),

    /** Charset encoders and decoders, which keep the state of a coding operation. */
    CODER(
            "give each thread its own encoder or decoder (charset.newEncoder(), newDecoder())",
            Set.of(
                    "charset",
                    "averageBytesPerChar",
                    "maxBytesPerChar",
                    "averageCharsPerByte",
                    "maxCharsPerByte",
                    "replacement",
                    "malformedInputAction",
                    "unmappableCharacterAction",
                    "isAutoDetecting")),

    /** {@code java.util.zip} checksums ({@code CRC32}, {@code CRC32C}, {@code Adler32}). */
    CHECKSUM("give each thread its own checksum", Set.of("getValue")),

    /** {@code MessageDigest}. */
    DIGEST(
            "give each thread its own MessageDigest (getInstance, or clone())",
            Set.of("getAlgorithm", "getDigestLength", "getProvider"));

    private final String advice;
    private final Set<String> reads;

    UnsharedTypes(String advice, Set<String> reads) {
        this.advice = advice;
        this.reads = reads;
    }

    /**
     * Whether {@code call} leaves the object as it is. {@code toString}, {@code equals} and {@code
     * hashCode} are not routed here: the bridge leaves {@code Object}'s methods alone.
     */
    /**
     * Whether {@code call} reads only what the object fixed when it was made (a buffer's capacity,
     * whether it is direct): such a call is no use of the object's state, so two threads' calls
     * never conflict through it, and it is not checked at all.
     */
    boolean fixed(LibraryCall call) {
        return false;
    }

    boolean reads(LibraryCall call) {
        return reads.contains(call.name());
    }

    /** What the report suggests besides a lock, to follow "Guard every use with one lock, or". */
    String advice() {
        return advice;
    }

    /** The family of a JDK class, or null: a class of the program, or any other JDK class. */
    static UnsharedTypes of(Class<?> c) {
        return FAMILY.get(c);
    }

    private static final ClassValue<UnsharedTypes> FAMILY =
            new ClassValue<>() {
                @Override
                protected UnsharedTypes computeValue(Class<?> c) {
                    if (c.getClassLoader() != null) {
                        return null; // the program's own subclasses run their own code
                    }
                    if (java.nio.Buffer.class.isAssignableFrom(c)) {
                        return BUFFER;
                    }
                    if (c == StringBuilder.class) {
                        return STRING_BUILDER;
                    }
                    if (c == java.util.BitSet.class) {
                        return BIT_SET;
                    }
                    if (java.text.Format.class.isAssignableFrom(c)) {
                        return FORMAT;
                    }
                    if (c == java.util.regex.Matcher.class) {
                        return MATCHER;
                    }
                    if (java.nio.charset.CharsetEncoder.class.isAssignableFrom(c)
                            || java.nio.charset.CharsetDecoder.class.isAssignableFrom(c)) {
                        return CODER;
                    }
                    if (java.util.zip.Checksum.class.isAssignableFrom(c)) {
                        return CHECKSUM;
                    }
                    if (java.security.MessageDigest.class.isAssignableFrom(c)) {
                        return DIGEST;
                    }
                    return null;
                }
            };
}
