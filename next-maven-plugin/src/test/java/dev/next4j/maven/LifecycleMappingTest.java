package dev.next4j.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The Eclipse m2e mapping shipped in the plugin jar covers every goal, and runs generate in the IDE. */
class LifecycleMappingTest {
  private static Document read(String resource) throws Exception {
    try (InputStream in = LifecycleMappingTest.class.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
    }
  }

  private static List<String> texts(Element parent, String tag) {
    List<String> texts = new ArrayList<>();
    NodeList nodes = parent.getElementsByTagName(tag);
    for (int i = 0; i < nodes.getLength(); i++) {
      texts.add(nodes.item(i).getTextContent().trim());
    }
    return texts;
  }

  /** Goal → the action element's first child (execute or ignore), with its settings. */
  private static Map<String, Element> actions() throws Exception {
    Document mapping = read("/META-INF/m2e/lifecycle-mapping-metadata.xml");
    Map<String, Element> actions = new LinkedHashMap<>();
    NodeList executions = mapping.getElementsByTagName("pluginExecution");
    for (int i = 0; i < executions.getLength(); i++) {
      Element execution = (Element) executions.item(i);
      Element action = (Element) execution.getElementsByTagName("action").item(0);
      Element kind = (Element) action.getElementsByTagName("*").item(0);
      for (String goal : texts(execution, "goal")) {
        assertThat(actions.put(goal, kind)).as("goal %s mapped twice", goal).isNull();
      }
    }
    return actions;
  }

  @Test
  void generateRunsOnImportAndOnEveryIncrementalBuild() throws Exception {
    Element generate = actions().get("generate");

    assertThat(generate.getTagName()).isEqualTo("execute");
    assertThat(texts(generate, "runOnIncremental")).containsExactly("true");
    assertThat(texts(generate, "runOnConfiguration")).containsExactly("true");
  }

  @Test
  void mapsEveryGoalOfThePluginAndIgnoresAllButGenerate() throws Exception {
    Document descriptor = read("/META-INF/maven/plugin.xml");
    List<String> goals = new ArrayList<>();
    NodeList mojos = descriptor.getElementsByTagName("mojo");
    for (int i = 0; i < mojos.getLength(); i++) {
      goals.add(((Element) mojos.item(i)).getElementsByTagName("goal").item(0).getTextContent().trim());
    }
    Map<String, Element> actions = actions();

    assertThat(goals).contains("generate", "image");
    assertThat(actions.keySet()).containsExactlyInAnyOrderElementsOf(goals);
    actions.forEach((goal, action) ->
        assertThat(action.getTagName()).as(goal).isEqualTo(goal.equals("generate") ? "execute" : "ignore"));
  }
}
