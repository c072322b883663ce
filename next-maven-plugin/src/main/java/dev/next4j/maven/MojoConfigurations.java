package dev.next4j.maven;

import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.Parameter;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.configuration.PlexusConfiguration;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * The configuration Maven gives a goal run from the command line ({@code mvn next:run}), made
 * again from a project model: the pom's configuration of the plugin (of the execution with the
 * goal's execution id, e.g. {@code default-cli}, when the pom has one, else of the plugin), each
 * parameter completed with the goal's own default ({@code ${next.port}}, {@code default-value}), as
 * Maven's lifecycle does before it configures a mojo. {@code next:run} uses it to configure a fresh
 * instance of itself from a pom that changed while it ran.
 */
final class MojoConfigurations {
  private MojoConfigurations() {
  }

  /** The configuration of {@code mojo} in {@code project} for the execution {@code executionId}. */
  static Xpp3Dom of(MojoDescriptor mojo, MavenProject project, String executionId) {
    Xpp3Dom fromPom = null;
    Plugin plugin = project.getPlugin(mojo.getPluginDescriptor().getPluginLookupKey());
    if (plugin != null) {
      PluginExecution execution = plugin.getExecutionsAsMap().get(executionId);
      Object configuration = execution != null ? execution.getConfiguration() : plugin.getConfiguration();
      if (configuration instanceof Xpp3Dom dom) {
        fromPom = dom;
      }
    }
    return complete(mojo, fromPom);
  }

  /** {@code fromPom} (may be null) with each of the goal's parameters completed by its defaults. */
  static Xpp3Dom complete(MojoDescriptor mojo, Xpp3Dom fromPom) {
    Xpp3Dom given = fromPom == null ? new Xpp3Dom("configuration") : fromPom;
    Xpp3Dom defaults = mojo.getMojoConfiguration() == null ? new Xpp3Dom("configuration") : dom(mojo.getMojoConfiguration());
    Xpp3Dom result = new Xpp3Dom("configuration");
    if (mojo.getParameters() == null) {
      return result;
    }
    for (Parameter parameter : mojo.getParameters()) {
      Xpp3Dom value = given.getChild(parameter.getName());
      if (value == null && parameter.getAlias() != null) {
        value = given.getChild(parameter.getAlias());
      }
      value = Xpp3Dom.mergeXpp3Dom(value == null ? null : new Xpp3Dom(value), defaults.getChild(parameter.getName()),
          Boolean.TRUE);
      if (value != null) {
        value = new Xpp3Dom(value, parameter.getName());
        String implementation = value.getAttribute("implementation");
        if ((implementation == null || implementation.isEmpty()) && parameter.getImplementation() != null
            && !parameter.getImplementation().isEmpty()) {
          value.setAttribute("implementation", parameter.getImplementation());
        }
        result.addChild(value);
      }
    }
    return result;
  }

  private static Xpp3Dom dom(PlexusConfiguration configuration) {
    Xpp3Dom dom = new Xpp3Dom(configuration.getName());
    dom.setValue(configuration.getValue(null));
    for (String attribute : configuration.getAttributeNames()) {
      dom.setAttribute(attribute, configuration.getAttribute(attribute, null));
    }
    for (PlexusConfiguration child : configuration.getChildren()) {
      dom.addChild(dom(child));
    }
    return dom;
  }
}
