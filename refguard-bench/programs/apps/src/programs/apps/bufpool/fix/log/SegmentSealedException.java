package programs.apps.bufpool.fix.log;

public final class SegmentSealedException extends Exception {
    public SegmentSealedException(int index) {
        super("segment " + index + " is sealed", null, false, false);
    }
}
