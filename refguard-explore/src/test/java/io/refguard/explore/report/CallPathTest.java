package io.refguard.explore.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How the methods of a step's stack read in the table's call rows. */
class CallPathTest {

    private static List<String> names(String... stackInnermostFirst) {
        TraceEvent.Step s =
                new TraceEvent.Step(
                        0,
                        0,
                        "read x",
                        null,
                        null,
                        null,
                        false,
                        null,
                        List.of(stackInnermostFirst));
        return CallPath.of(s).stream().map(CallPath.Call::name).toList();
    }

    @Test
    void aMethodReadsWithItsInnermostClassAndAnAnonymousOneWithItsOuterClass() {
        assertEquals(
                List.of("Server.main", "Outer$5.run"),
                names("a.b.Outer.5.run(Outer.java:9)", "a.b.Server.main(Server.java:3)"));
    }

    @Test
    void theGeneratedReinitializerReadsAsTheStaticInitializerAndItsGuardIsLeftOut() {
        assertEquals(
                List.of("Pool.<clinit>", "Log.get"),
                names(
                        "a.Log.get(Log.java:4)",
                        "a.Pool.$rg$reinit(Pool.java:10)",
                        "a.Pool.$rg$ensure(Pool.java)"));
    }
}
