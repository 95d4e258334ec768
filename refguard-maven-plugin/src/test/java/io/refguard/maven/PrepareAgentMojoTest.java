package io.refguard.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.HashMap;
import java.util.Map;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.DefaultMavenExecutionResult;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;

/** The goal sets the property from the plugin's own agent artifact and the configured options. */
class PrepareAgentMojoTest {

    static final File JAR = new File("/repo/refguard-agent-0.1.0.jar");

    @SuppressWarnings("deprecation") // the session constructor tests use; no container needed
    static PrepareAgentMojo mojo(File agentJar) {
        PrepareAgentMojo m = new PrepareAgentMojo();
        m.project = new MavenProject();
        m.session =
                new MavenSession(
                        null,
                        new DefaultMavenExecutionRequest(),
                        new DefaultMavenExecutionResult(),
                        m.project);
        m.pluginArtifactMap = new HashMap<>();
        if (agentJar != null) {
            Artifact a =
                    new DefaultArtifact(
                            "io.refguard",
                            "refguard-agent",
                            "0.1.0",
                            "runtime",
                            "jar",
                            null,
                            new DefaultArtifactHandler("jar"));
            a.setFile(agentJar);
            m.pluginArtifactMap.put(PrepareAgentMojo.AGENT_KEY, a);
        }
        m.propertyName = "argLine";
        return m;
    }

    @Test
    void setsArgLineAfterTheProjectsOwn() throws Exception {
        PrepareAgentMojo m = mojo(JAR);
        m.project.getProperties().setProperty("argLine", "-Xmx512m");
        m.include = "com.acme.*";
        m.verbose = "true";
        m.execute();
        assertEquals(
                "-Xmx512m -javaagent:" + JAR.getAbsolutePath() + "=include=com.acme.*;verbose=true",
                m.project.getProperties().getProperty("argLine"));
    }

    @Test
    void aUserPropertyWinsOverTheProjectProperty() throws Exception {
        PrepareAgentMojo m = mojo(JAR);
        m.project.getProperties().setProperty("argLine", "-Dfrom=project");
        m.session.getUserProperties().setProperty("argLine", "-Dfrom=user");
        m.execute();
        assertEquals(
                "-Dfrom=user -javaagent:" + JAR.getAbsolutePath(),
                m.project.getProperties().getProperty("argLine"));
    }

    @Test
    void anotherPropertyCanBeSet() throws Exception {
        PrepareAgentMojo m = mojo(JAR);
        m.propertyName = "refguardArgs";
        m.execute();
        Map<Object, Object> props = m.project.getProperties();
        assertEquals("-javaagent:" + JAR.getAbsolutePath(), props.get("refguardArgs"));
        assertEquals(null, props.get("argLine"));
    }

    @Test
    void skipLeavesThePropertyAlone() throws Exception {
        PrepareAgentMojo m = mojo(JAR);
        m.skip = true;
        m.execute();
        assertEquals(null, m.project.getProperties().getProperty("argLine"));
    }

    @Test
    void aMissingAgentArtifactIsExplained() {
        MojoExecutionException e =
                assertThrows(MojoExecutionException.class, () -> mojo(null).execute());
        assertTrue(e.getMessage().contains("io.refguard:refguard-agent"), e.getMessage());
    }
}
