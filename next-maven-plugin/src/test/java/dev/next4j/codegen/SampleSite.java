package dev.next4j.codegen;

import java.nio.file.Path;

/** Sites whose pages compile against next-runtime: what a user would write. */
final class SampleSite {
  private SampleSite() {}

  /** A page of every kind, the special pages, a private helper, and pages whose records shadow {@code java.util.List} and {@code java.lang.String}. */
  static Site everyRouteKind(Path dir) {
    Site site = new Site(dir);
    page(site, "Index.java", "Page<Routes.Index>",
        "public Response render(Request request, Routes.Index params) {\n"
            + "    return Response.html(\"<a href=\\\"\" + new Routes.BlogSlug(\"hello world\").href() + \"\\\">post</a>\");\n  }");
    page(site, "AboutUs.java", "StaticPage<Routes.AboutUs>",
        "public Response render(Routes.AboutUs params) {\n    return Response.html(\"about\");\n  }");
    page(site, "getting_started/Index.java", "Page<Routes.GettingStarted>", render("GettingStarted", "\"start\""));
    page(site, "blog/$slug.java", "Page<Routes.BlogSlug>", render("BlogSlug", "params.slug()"));
    page(site, "docs/$$path.java", "Page<Routes.DocsPath>", render("DocsPath", "String.join(\"/\", params.path())"));
    page(site, "shop/$$$path.java", "Page<Routes.ShopPath>", render("ShopPath", "String.join(\"/\", params.path())"));
    page(site, "List.java", "Page<Routes.List>", render("List", "\"list\""));
    page(site, "String.java", "Page<Routes.String>", render("String", "\"string\""));
    page(site, "api/Hello.java", "ApiRoute<Routes.ApiHello>",
        "public Response handle(Request request, Routes.ApiHello params) {\n    return Response.json(\"{}\");\n  }");
    page(site, "api/post/$pid.java", "ApiRoute<Routes.ApiPostPid>",
        "public Response handle(Request request, Routes.ApiPostPid params) {\n    return Response.json(params.pid());\n  }");
    page(site, "_App.java", "App", "public Response wrap(Request request, Response page) {\n    return page;\n  }");
    page(site, "_Middleware.java", "Middleware",
        "public Middleware.Result handle(Request request) {\n    return Middleware.next();\n  }");
    page(site, "_404.java", "ErrorPage", "public Response render(Request request, int status) {\n    return Response.html(\"gone\");\n  }");
    page(site, "_500.java", "ErrorPage", "public Response render(Request request, int status) {\n    return Response.html(\"oops\");\n  }");
    site.file(Site.PAGES + "/_components/Nav.java", "package com.acme.pages._components;\n\npublic final class Nav {}\n");
    return site;
  }

  private static String render(String record, String body) {
    return "public Response render(Request request, Routes." + record + " params) {\n    return Response.html(" + body + ");\n  }";
  }

  /** Writes a page that implements {@code type} with {@code members}, importing {@code Routes} and the runtime. */
  static void page(Site site, String relative, String type, String members) {
    String name = relative.substring(relative.lastIndexOf('/') + 1, relative.length() - ".java".length());
    String folders = relative.contains("/") ? "." + relative.substring(0, relative.lastIndexOf('/')).replace('/', '.') : "";
    site.file(Site.PAGES + "/" + relative, "package com.acme.pages" + folders + ";\n\n"
        + "import com.acme.Routes;\nimport dev.next4j.runtime.*;\n\n"
        + "public final class " + name + " implements " + type + " {\n  " + members + "\n}\n");
  }
}
