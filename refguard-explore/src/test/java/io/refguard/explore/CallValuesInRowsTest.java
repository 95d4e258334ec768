package io.refguard.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** How a call's values join its row's label. */
class CallValuesInRowsTest {

    @Test
    void argumentsGoInsideTheParenthesesAndTheResultAfterAnArrow() {
        assertEquals("Map.get(\"k\") -> 1", TraceRecorder.withValues("Map.get()", "\"k\"", "1"));
        assertEquals(
                "Queue.poll() -> Buf#2", TraceRecorder.withValues("Queue.poll()", "", "Buf#2"));
        assertEquals(
                "List.clear()",
                TraceRecorder.withValues("List.clear()", "", null)); // void, no args
        // a label that is not a call keeps its text; only the result joins it
        assertEquals("take queue -> Buf#1", TraceRecorder.withValues("take queue", "", "Buf#1"));
        // values given twice for one step (a model's and the call's) show once
        assertEquals(
                "Queue.tryTransfer(\"x\") -> false",
                TraceRecorder.withValues(
                        TraceRecorder.withValues("Queue.tryTransfer()", "\"x\"", "false"),
                        "\"x\"",
                        "false"));
    }
}
