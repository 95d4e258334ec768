package io.refguard.explore;

/**
 * Runs a {@link Scenario.Body}, rethrowing its checked exceptions unwrapped so reports show them as
 * thrown.
 */
final class Sneaky {

    private Sneaky() {}

    static <S> void run(Scenario.Body<? super S> body, S state) {
        try {
            body.accept(state);
        } catch (Exception e) {
            throw Sneaky.<RuntimeException>rethrow(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T rethrow(Throwable t) throws T {
        throw (T) t;
    }
}
