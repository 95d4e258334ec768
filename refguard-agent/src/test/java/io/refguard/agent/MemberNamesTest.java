package io.refguard.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** How reports name a field or method: by the innermost named class and the member's own name. */
class MemberNamesTest {

    @Test
    void aNestedClassGoesByItsOwnName() {
        assertEquals("Pool.free", CallRules.memberName("com/acme/Server$Pool", "free"));
        assertEquals("Server.pool", CallRules.memberName("com/acme/Server", "pool"));
        assertEquals("Server.pool", CallRules.memberName("Server", "pool"));
    }

    @Test
    void anAnonymousClassGoesByTheClassAroundItAndACapturedLocalByItsName() {
        assertEquals("TimerStats.hits", CallRules.memberName("u/TimerStats$1", "val$hits"));
        assertEquals("Audit.seen", CallRules.memberName("u/TimerStats$Audit$2$1", "seen"));
        assertEquals("TimerStats.this$0", CallRules.memberName("u/TimerStats$1", "this$0"));
    }
}
