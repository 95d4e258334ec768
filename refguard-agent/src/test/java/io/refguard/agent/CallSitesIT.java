package io.refguard.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import example.sitehelper.Forwarding;
import example.sites.SitesDemo;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Sites supplied by the agent, end to end, in child JVMs: {@link SitesDemo} releases a tracked
 * reference twice and prints its report's sites and access records. Every site it prints is one
 * where a stack walk gives a different answer (a call through an uninstrumented wrapper, or from a
 * method the agent split into copies), so the expected lines hold only if the checker took the site
 * from the agent's table and did not walk.
 */
class CallSitesIT {

    private static final String DEMO = SitesDemo.class.getName();
    private static final SourceMarkers MARKERS = SourceMarkers.of(SitesDemo.class);
    private static final List<String> PROPERTIES = List.of("-Drefguard.records=true");

    private static String at(String method, String marker) {
        return DEMO + "." + method + "(SitesDemo.java:" + MARKERS.line(marker) + ")";
    }

    /** What the demo prints when every site is the instrumented call, as written. */
    private static List<String> supplied() {
        return List.of(
                "released=" + at("run", "first release"),
                "releasedAgain=" + at("closeLocked", "second release"),
                "acquired=" + at("acquireLocked", "acquire"),
                "record create=" + at("run", "create"),
                "record acquire=" + at("acquireLocked", "acquire"),
                "record touch=" + at("acquireLocked", "touch"),
                "record release=" + at("run", "first release"),
                // the documented imprecision: the id the throwing call left behind
                "leftBehind=" + at("closeLocked", "second release"),
                "supplied=true");
    }

    private static List<String> underAgent(String agentArgs) throws Exception {
        List<String> jvmArgs = new ArrayList<>(PROPERTIES);
        jvmArgs.add("-javaagent:" + ChildJvm.agentJar() + "=" + agentArgs);
        // the demo, its uninstrumented helper and refguard-core; the agent brings the rest
        ChildJvm.Outcome o =
                ChildJvm.run(
                        jvmArgs,
                        ChildJvm.testClasses() + File.pathSeparator + ChildJvm.coreOnClassPath(),
                        DEMO);
        assertEquals(0, o.exit(), o.err());
        assertFalse(o.err().contains("WARNING"), o.err());
        return o.out().lines().toList();
    }

    @Test
    void methodReferencesAndLambdasOnRefsLinkAndRunUnderTheAgentWithSites() throws Exception {
        String main = example.methodrefs.RefMethodReferences.class.getName();
        ChildJvm.Outcome o =
                ChildJvm.run(
                        List.of(
                                "-javaagent:"
                                        + ChildJvm.agentJar()
                                        + "=include=example.methodrefs.*"),
                        ChildJvm.testClasses() + File.pathSeparator + ChildJvm.coreOnClassPath(),
                        main);
        assertEquals(0, o.exit(), o.err());
        assertFalse(o.err().contains("BootstrapMethodError"), o.err());
        assertEquals(
                new example.methodrefs.RefMethodReferences().call(),
                o.out().lines().toList(),
                o.err());
    }

    @Test
    void underTheAgentEverySiteIsTheInstrumentedCall() throws Exception {
        assertEquals(supplied(), underAgent("include=example.sites.*"));
    }

    @Test
    void withSitesOffTheCheckerWalksTheStackAndNamesWrapperAndCopies() throws Exception {
        String forwarded =
                Forwarding.class.getName()
                        + ".close(Forwarding.java:"
                        + SourceMarkers.of(Forwarding.class).line("forwarded close")
                        + ")";
        assertEquals(
                List.of(
                        "released=" + forwarded,
                        "releasedAgain=" + at("closeLocked", "second release"),
                        "acquired=" + at("acquireLocked", "acquire"),
                        "record create=" + at("run", "create"),
                        "record acquire=" + at("acquireLocked", "acquire"),
                        "record touch=" + at("acquireLocked", "touch"),
                        "record release=" + forwarded,
                        "leftBehind="
                                + Forwarding.class.getName()
                                + ".release(Forwarding.java:"
                                + SourceMarkers.of(Forwarding.class).line("helper release")
                                + ")",
                        "supplied=false"),
                underAgent("include=example.sites.*;sites=false"));
    }

    @Test
    void anExplicitPropertyOfFalseWinsOverTheOption() throws Exception {
        List<String> jvmArgs = new ArrayList<>(PROPERTIES);
        jvmArgs.add("-Drefguard.callSites=false");
        jvmArgs.add("-javaagent:" + ChildJvm.agentJar() + "=include=example.sites.*");
        ChildJvm.Outcome o =
                ChildJvm.run(
                        jvmArgs,
                        ChildJvm.testClasses() + File.pathSeparator + ChildJvm.coreOnClassPath(),
                        DEMO);
        assertEquals(0, o.exit(), o.err());
        List<String> lines = o.out().lines().toList();
        assertEquals("supplied=false", lines.get(lines.size() - 1));
        assertEquals("acquired=" + at("acquireLocked", "acquire"), lines.get(2)); // as written
    }

    @Test
    void theInstrumentingLoaderSuppliesTheSameSitesWhenThePropertyIsSet() throws Exception {
        List<String> jvmArgs = new ArrayList<>(PROPERTIES);
        jvmArgs.add("-Drefguard.callSites=true");
        ChildJvm.Outcome o =
                ChildJvm.run(jvmArgs, ChildJvm.testClassPath(), "example.app.SitesThroughLoader");
        assertEquals(0, o.exit(), o.err());
        List<String> expected = new ArrayList<>(supplied());
        expected.add("instrumented=1");
        assertEquals(expected, o.out().lines().toList());
    }
}
