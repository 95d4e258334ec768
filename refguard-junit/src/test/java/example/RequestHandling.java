package example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.refguard.Ref;
import io.refguard.junit.RefGuardLeakCheck;
import org.junit.jupiter.api.Test;

/** The leak-check example of docs/JUNIT.md; the docs test keeps its pasted output true. */
@RefGuardLeakCheck
public class RequestHandling {

    @Test
    void answersARequest() {
        try (Buffer buffer = new Buffer()) {
            Ref<Buffer> forTheLog =
                    buffer.acquire(); // never closed: the test fails, naming this line
            assertEquals(0, buffer.frees.get());
        }
    }
}
