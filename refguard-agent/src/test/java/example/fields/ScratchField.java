package example.fields;

/**
 * Request handlers that keep the current user in a shared field, as scratch space, and read it back
 * a line later to stamp their audit entry. Another handler's write can come between a handler's
 * write and its read, so an entry is stamped with the other user. The fix keeps the user in a local
 * variable.
 */
public final class ScratchField {

    static String current;

    private ScratchField() {}

    static void handle(String user, String[] audit, int slot) {
        current = user;
        audit[slot] = current; // site: read back
    }

    public static void main(String[] args) throws InterruptedException {
        String[] audit = new String[2];
        Thread a = new Thread(() -> handle("ann", audit, 0), "request-ann");
        a.start();
        handle("bob", audit, 1);
        a.join();
        if (!audit[0].equals("ann") || !audit[1].equals("bob")) {
            throw new AssertionError("audit stamped " + audit[0] + " and " + audit[1]);
        }
    }

    /** The fix: the user stays in a local variable. */
    public static final class Fixed {
        private Fixed() {}

        public static void main(String[] args) throws InterruptedException {
            String[] audit = new String[2];
            Thread a = new Thread(() -> audit[0] = "ann", "request-ann");
            a.start();
            String user = "bob";
            audit[1] = user;
            a.join();
            if (!audit[0].equals("ann") || !audit[1].equals("bob")) {
                throw new AssertionError("audit stamped " + audit[0] + " and " + audit[1]);
            }
        }
    }
}
