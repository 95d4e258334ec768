package io.refguard.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class AgentOptionsTest {

    private static AgentOptions parse(String args) {
        return AgentOptions.parse(args, new Properties());
    }

    @Test
    void defaultsInstrumentApplicationCodeOnly() {
        AgentOptions o = AgentOptions.defaults();
        assertTrue(o.instruments("com.acme.Pool"));
        assertFalse(o.instruments("java.util.concurrent.ConcurrentHashMap"));
        assertFalse(o.instruments("jdk.internal.misc.Unsafe"));
        assertFalse(o.instruments("io.refguard.agent.bridge.SyncBridge"));
        assertFalse(o.instruments("io.refguard.agent.shaded.asm.ClassReader"));
        assertFalse(o.instruments("io.refguard.RefGuard"));
        assertFalse(o.instruments("org.junit.jupiter.api.Test"));
        assertFalse(o.instruments("org.apache.maven.surefire.booter.ForkedBooter"));
        assertFalse(o.plainFields());
        assertNull(o.dump());
    }

    @Test
    void packagePatternsMatchSubpackagesButNotLookalikes() {
        AgentOptions o = parse("include=com.acme.*");
        assertTrue(o.instruments("com.acme.Pool"));
        assertTrue(o.instruments("com.acme.sub.Cache$Entry"));
        assertFalse(o.instruments("com.acmex.Pool"));
        assertFalse(o.instruments("org.other.Pool"));
    }

    @Test
    void exactPatternsMatchTheClassAndItsNestedClasses() {
        AgentOptions o = parse("include=com.acme.Pool");
        assertTrue(o.instruments("com.acme.Pool"));
        assertTrue(o.instruments("com.acme.Pool$Entry"));
        assertFalse(o.instruments("com.acme.PoolManager"));
    }

    @Test
    void anExplicitIncludeOverridesDefaultExclusionsButNotTheJdkOrTheAgent() {
        AgentOptions o = parse("include=io.refguard.cases.*,io.refguard.agent.*,java.util.*");
        assertTrue(o.instruments("io.refguard.cases.Seed1"));
        assertFalse(o.instruments("io.refguard.agent.RefguardAgent"));
        assertFalse(o.instruments("java.util.ArrayList"));
        AgentOptions all = parse("include=*");
        assertTrue(all.instruments("com.acme.Pool"));
        assertFalse(all.instruments("org.junit.jupiter.api.Test"));
    }

    @Test
    void excludesWinOverIncludes() {
        AgentOptions o = parse("include=com.acme.*;exclude=com.acme.gen.*,*Generated");
        assertTrue(o.instruments("com.acme.Pool"));
        assertFalse(o.instruments("com.acme.gen.Parser"));
        assertFalse(o.instruments("com.acme.PoolGenerated"));
    }

    @Test
    void argumentsOverrideSystemProperties() {
        Properties p = new Properties();
        p.setProperty("refguard.agent.include", "org.shop.*");
        p.setProperty("refguard.agent.plainFields", "true");
        p.setProperty("refguard.agent.dump", "/tmp/refguard-dump");
        AgentOptions o = AgentOptions.parse("plainFields=false; verbose=yes", p);
        assertEquals(List.of("org.shop.*"), o.include());
        assertFalse(o.plainFields());
        assertTrue(o.verbose());
        assertEquals(Path.of("/tmp/refguard-dump"), o.dump());
    }

    @Test
    void malformedOptionsSayWhatIsAccepted() {
        IllegalArgumentException unknown =
                assertThrows(IllegalArgumentException.class, () -> parse("include=a.*;bogus=1"));
        assertTrue(unknown.getMessage().contains("'bogus=1'"), unknown.getMessage());
        assertTrue(unknown.getMessage().contains("plainFields"), unknown.getMessage());
        IllegalArgumentException noValue =
                assertThrows(IllegalArgumentException.class, () -> parse("verbose"));
        assertTrue(noValue.getMessage().contains("'verbose'"), noValue.getMessage());
        IllegalArgumentException notBoolean =
                assertThrows(IllegalArgumentException.class, () -> parse("plainFields=maybe"));
        assertTrue(notBoolean.getMessage().contains("plainFields=maybe"), notBoolean.getMessage());
    }

    @Test
    void sitesAreOnByDefaultAndSwitchOffByArgumentPropertyOrCopy() {
        assertTrue(AgentOptions.defaults().sites());
        assertTrue(parse("include=a.*").sites());
        assertFalse(parse("sites=false").sites());
        Properties p = new Properties();
        p.setProperty("refguard.agent.sites", "off");
        assertFalse(AgentOptions.parse("include=a.*", p).sites());
        assertTrue(AgentOptions.parse("sites=on", p).sites(), "the argument wins");
        assertFalse(AgentOptions.defaults().withSites(false).withInclude("a.*").sites());
        IllegalArgumentException notBoolean =
                assertThrows(IllegalArgumentException.class, () -> parse("sites=sometimes"));
        assertTrue(notBoolean.getMessage().contains("sites=sometimes"), notBoolean.getMessage());
    }

    @Test
    void toStringRoundTrips() {
        AgentOptions o = parse("include=a.*,b.C;exclude=a.gen.*;plainFields=true;sites=false");
        AgentOptions again = parse(o.toString());
        assertEquals(o.include(), again.include());
        assertEquals(o.exclude(), again.exclude());
        assertEquals(o.plainFields(), again.plainFields());
        assertEquals(o.sites(), again.sites());
    }

    @Test
    void aProgramsDefaultsCoverEveryLibraryAndItsOwnPackage() {
        AgentOptions plain = AgentOptions.forProgram("com.acme.Main");
        assertTrue(plain.instruments("com.acme.Main"));
        assertTrue(plain.instruments("org.apache.commons.pool2.impl.GenericObjectPool"));
        assertTrue(
                plain.instruments("org.apache.logging.log4j.core.Logger"),
                "logging is the program's");
        assertFalse(plain.instruments("org.mockito.Mockito"));
        assertFalse(plain.instruments("java.util.HashMap"));

        // a main class under a default exclusion brings its own package in, and only that
        AgentOptions sample = AgentOptions.forProgram("io.refguard.cases.seed.Main");
        assertTrue(sample.instruments("io.refguard.cases.seed.Pool"));
        assertTrue(sample.instruments("com.acme.Lib"));
        assertFalse(sample.instruments("io.refguard.explore.Explorer"));
        assertFalse(sample.instruments("org.junit.jupiter.api.Test"));
    }

    @Test
    void theJdkAndRefguardAreSharedWithTheExplorer() {
        assertTrue(AgentOptions.sharedWithTheExplorer("java.lang.String"));
        assertTrue(AgentOptions.sharedWithTheExplorer("io.refguard.agent.bridge.SyncBridge"));
        assertTrue(AgentOptions.sharedWithTheExplorer("io.refguard.RefCounted"));
        assertFalse(AgentOptions.sharedWithTheExplorer("org.mockito.Mockito"));
        assertFalse(AgentOptions.sharedWithTheExplorer("com.acme.Main"));
    }
}
