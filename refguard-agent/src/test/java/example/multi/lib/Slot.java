package example.multi.lib;

/** A package-private type of the library. */
final class Slot {
    final int index;

    Slot(int index) {
        this.index = index;
    }
}
