package io.refguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The replay command an HTML page shows can be pasted into a shell as it is. */
class ReplayCommandLineTest {

    @Test
    void namesWithShellCharactersAreQuoted() {
        TargetOptions o = new TargetOptions().withModes(false, "early");
        o.className = "com.acme.Pool$Fixed";
        o.classPath = "target/classes:lib/a b.jar";
        o.earlyTimeouts = "2";
        assertEquals(
                "refguard replay rg1-AbC --class 'com.acme.Pool$Fixed'"
                        + " --classpath 'target/classes:lib/a b.jar' --no-plain-fields"
                        + " --timeouts early --early-timeouts 2 -- 5 'it'\\''s'",
                o.replayCommand("rg1-AbC", List.of("5", "it's")));
    }
}
