package io.refguard.maven;

import java.io.File;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Adds the refguard agent to the JVM that runs the project's tests: sets a project property
 * (Surefire's and Failsafe's {@code argLine} by default) to {@code -javaagent:<agent
 * jar>=<options>}, after whatever the property or the user property of the same name already holds.
 *
 * <pre>{@code
 * <plugin>
 *   <groupId>io.refguard</groupId>
 *   <artifactId>refguard-maven-plugin</artifactId>
 *   <executions><execution><goals><goal>prepare-agent</goal></goals></execution></executions>
 *   <configuration><include>com.acme.*</include></configuration>
 * </plugin>
 * }</pre>
 *
 * <p>The agent jar is the {@code io.refguard:refguard-agent} artifact this plugin was resolved
 * with, so the plugin's version picks the agent's. A Surefire configuration that sets {@code
 * <argLine>} itself must include {@code @{argLine}} to keep the agent.
 */
@Mojo(name = "prepare-agent", defaultPhase = LifecyclePhase.INITIALIZE, threadSafe = true)
public final class PrepareAgentMojo extends AbstractMojo {

    static final String AGENT_KEY = "io.refguard:refguard-agent";

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    MavenSession session;

    @Parameter(defaultValue = "${plugin.artifactMap}", readonly = true, required = true)
    Map<String, Artifact> pluginArtifactMap;

    /** The property to set; {@code argLine} is read by Surefire and Failsafe. */
    @Parameter(property = "refguard.propertyName", defaultValue = "argLine")
    String propertyName;

    /** Class name patterns to instrument, comma-separated (agent option {@code include}). */
    @Parameter(property = "refguard.agent.include")
    String include;

    /** Class name patterns never to instrument, comma-separated (agent option {@code exclude}). */
    @Parameter(property = "refguard.agent.exclude")
    String exclude;

    /**
     * Also intercept plain (non-volatile) field accesses and array element reads and writes (agent
     * option {@code plainFields}).
     */
    @Parameter(property = "refguard.agent.plainFields")
    String plainFields;

    /** Print one line per instrumented class (agent option {@code verbose}). */
    @Parameter(property = "refguard.agent.verbose")
    String verbose;

    /** Directory to write instrumented class files to (agent option {@code dump}). */
    @Parameter(property = "refguard.agent.dump")
    File dump;

    /** Leaves the property unchanged. */
    @Parameter(property = "refguard.skip", defaultValue = "false")
    boolean skip;

    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            getLog().info("refguard: skipped; " + propertyName + " left unchanged");
            return;
        }
        Artifact agent = pluginArtifactMap.get(AGENT_KEY);
        if (agent == null || agent.getFile() == null) {
            throw new MojoExecutionException(
                    "refguard-maven-plugin could not find its "
                            + AGENT_KEY
                            + " dependency; do not exclude it from the plugin's dependencies");
        }
        Map<String, String> options = new LinkedHashMap<>();
        options.put("include", include);
        options.put("exclude", exclude);
        options.put("plainFields", plainFields);
        options.put("verbose", verbose);
        options.put("dump", dump == null ? null : dump.getAbsolutePath());
        String arg;
        try {
            arg = AgentArgLine.javaagent(agent.getFile().toPath(), AgentArgLine.options(options));
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        Properties props = project.getProperties();
        String existing =
                session.getUserProperties()
                        .getProperty(propertyName, props.getProperty(propertyName));
        String value = AgentArgLine.merge(existing, arg);
        props.setProperty(propertyName, value);
        getLog().info("refguard: " + propertyName + " set to " + value);
    }
}
