package dev.next4j.runtime.internal;

/** kind: "Compile error", "Route error" ...; file: project-relative path or ""; line: 1-based or 0 when unknown. */
public record DevProblem(String kind, String file, int line, String message, String detail) {}
