package io.refguard.agent.explore;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import example.jdk.PublishedItems;
import io.refguard.explore.ExploreOptions;
import io.refguard.explore.ExploreResult;
import io.refguard.explore.InterleavingFailure;
import org.junit.jupiter.api.Test;

/**
 * {@code SubmissionPublisher} delivers on a modeled executor and waits for buffer room in the model
 * ({@link Publishers}): before, its JDK code handed delivery to the real common pool (or a thread
 * per item), and a full buffer parked {@code submit} inside the JDK; every run was inconclusive.
 */
class PublishedItemsTest {

    private static void passes(Class<?> program) {
        ExploreResult r =
                AgentExplorer.mainClass(program.getName()).explore(ExploreOptions.exhaustive());
        assertTrue(r.exhausted(), r::toString);
    }

    @Test
    void itemsAreDeliveredOnExploredThreads() {
        passes(PublishedItems.AllDelivered.class);
    }

    @Test
    void aSubmitToAFullBufferWaitsInTheModel() {
        passes(PublishedItems.SmallBuffer.class);
    }

    @Test
    void readingBeforeDeliveryIsFound() {
        InterleavingFailure f =
                assertThrows(
                        InterleavingFailure.class,
                        () ->
                                AgentExplorer.mainClass(PublishedItems.ReadTooEarly.class.getName())
                                        .explore(ExploreOptions.exhaustive()));
        assertTrue(f.getMessage().contains("read before delivery"), f.getMessage());
        assertTrue(f.table().contains("commonPool-thread-1"), f.table());
    }
}
