package programs.apps.bufpool.bug.log;

public final class SegmentSealedException extends Exception {
    public SegmentSealedException(int index) {
        super("segment " + index + " is sealed", null, false, false);
    }
}
