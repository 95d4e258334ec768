package example.multi.app;

/** A package-private dependency that a program mocks. */
class Ledger {
    int balance() {
        return 0;
    }
}
