package dev.next4j.codegen;

import dev.next4j.codegen.RouteModel.PageRoute;
import java.io.IOException;
import java.util.List;

/** Runs the stages up to the writers on a site that must be valid, for the writer tests. */
record Generation(RouteModel model, List<PageRoute> routes, GeneratedNames names) {
  static Generation of(Site site) throws IOException {
    Site.Modelled modelled = site.model();
    if (!modelled.diagnostics().isEmpty()) {
      throw new AssertionError("the site is not valid: " + modelled.diagnostics());
    }
    List<PageRoute> routes = RouteOrder.sort(modelled.get().routes());
    return new Generation(modelled.get(), routes, GeneratedNames.of(modelled.get().generatedPackage(), routes));
  }

  String routes(ServerSettings settings) {
    return RoutesWriter.write(model, routes, names, settings).toString();
  }

  String server(ServerSettings settings) {
    return server(settings, ServerEngine.JDK);
  }

  String server(ServerSettings settings, ServerEngine engine) {
    return ServerWriter.write(model, names, settings, RuleSpec.rules(settings.rules()), engine).toString();
  }
}
