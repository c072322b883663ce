package dev.next4j.dev;

import dev.next4j.build.ClassFile;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the incremental compiler needs to know of one class file (read with {@link ClassFile}): its name, the source file it came
 * from, the project classes it may refer to, and its ABI (what other classes compile against).
 *
 * <p>Two ABIs count as equal when a class compiled against one would compile, and run, the same
 * against the other: the class's kind and supertypes, and every non-private field and method with
 * its descriptor, generic signature, thrown exceptions and constant value. Method bodies, private
 * members and debug attributes are not part of it, so editing what a page renders leaves its ABI
 * unchanged and nothing that uses the page is recompiled.
 *
 * <p>Constants are tracked apart ({@link #constants()}): javac copies a {@code static final}
 * constant's value into the classes that read it and leaves no reference behind, so a changed
 * constant cannot be traced to its readers.
 *
 * @param name the binary name with dots, e.g. {@code com.acme.pages.Index$Item}
 * @param sourceFile the {@code SourceFile} attribute, e.g. {@code Index.java}, or empty
 * @param references binary names (with dots) of every class this one mentions
 * @param abi a canonical text of the ABI; compare with {@code equals}
 * @param constants a canonical text of the class's compile-time constants
 */
record ClassSummary(String name, String sourceFile, Set<String> references, String abi, String constants) {
  private static final int ACC_PRIVATE = 0x0002;
  private static final int ACC_STATIC = 0x0008;
  private static final int ACC_FINAL = 0x0010;
  /** Flags that change how other classes may use a class or member (not ACC_SUPER or ACC_SYNCHRONIZED). */
  private static final int VISIBLE_FLAGS = 0x0001 | 0x0002 | 0x0004 | 0x0008 | 0x0010 | 0x0200 | 0x0400 | 0x2000 | 0x4000;

  ClassSummary {
    references = Set.copyOf(references);
  }

  /** The package part of {@link #name()}, or an empty string. */
  String packageName() {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(0, dot);
  }

  /**
   * The path of the source this class came from, relative to a source root ({@code
   * com/acme/pages/Index.java}), or empty when the class file does not say.
   */
  String sourcePath() {
    if (sourceFile.isEmpty()) {
      return "";
    }
    String pkg = packageName();
    return pkg.isEmpty() ? sourceFile : pkg.replace('.', '/') + "/" + sourceFile;
  }

  /** Reads a class file; fails with {@link IOException} when the bytes are not one. */
  static ClassSummary read(byte[] bytes) throws IOException {
    return of(ClassFile.parse(bytes));
  }

  /** The summary of a parsed class file. */
  static ClassSummary of(ClassFile file) throws IOException {
    StringBuilder abi = new StringBuilder();
    StringBuilder constants = new StringBuilder();
    String name = file.name();
    abi.append("class ").append(file.accessFlags() & VISIBLE_FLAGS).append(' ').append(name);
    abi.append(" extends ").append(file.superName());
    abi.append(" implements ").append(new TreeSet<>(file.interfaces())).append('\n');
    members(file, "field", file.fields(), abi, constants);
    members(file, "method", file.methods(), abi, constants);
    String sourceFile = "";
    for (ClassFile.Attribute attribute : file.attributes()) {
      DataInputStream data = attribute.data();
      switch (attribute.name()) {
        case "SourceFile" -> sourceFile = file.utf8(data.readUnsignedShort());
        case "Signature" -> abi.append("signature ").append(file.utf8(data.readUnsignedShort())).append('\n');
        case "PermittedSubclasses" -> abi.append("permits ").append(classList(file, data)).append('\n');
        case "Record" -> abi.append("record ").append(recordComponents(file, data)).append('\n');
        case "InnerClasses" -> abi.append(nestedFlags(file, data, name));
        default -> { }
      }
    }
    Set<String> references = references(file);
    references.remove(name);
    return new ClassSummary(name.replace('/', '.'), sourceFile, dotted(references), abi.toString(), constants.toString());
  }

  /** Every class the pool names: class entries, and the types inside descriptors and signatures. */
  private static Set<String> references(ClassFile file) {
    Set<String> references = new TreeSet<>();
    for (String className : file.classReferences()) {
      if (className.startsWith("[")) {
        addDescriptorTypes(className, references);
      } else {
        references.add(className);
      }
    }
    for (String text : file.utf8Entries()) {
      if (text.indexOf(';') > 0) {
        addDescriptorTypes(text, references);
      }
    }
    return references;
  }

  /** Adds every {@code Lpkg/Name;} (or {@code Lpkg/Name<}) in a descriptor or signature. */
  private static void addDescriptorTypes(String text, Set<String> references) {
    int i = text.indexOf('L');
    while (i >= 0 && i < text.length()) {
      int end = i + 1;
      while (end < text.length() && text.charAt(end) != ';' && text.charAt(end) != '<'
          && isNameChar(text.charAt(end))) {
        end++;
      }
      if (end < text.length() && end > i + 1 && (text.charAt(end) == ';' || text.charAt(end) == '<')) {
        references.add(text.substring(i + 1, end));
      }
      i = text.indexOf('L', end);
    }
  }

  private static boolean isNameChar(char c) {
    return c == '/' || c == '$' || Character.isJavaIdentifierPart(c);
  }

  private static void members(ClassFile file, String kind, List<ClassFile.Member> declared, StringBuilder abi,
      StringBuilder constants) throws IOException {
    List<String> members = new ArrayList<>();
    for (ClassFile.Member declaration : declared) {
      int access = declaration.accessFlags();
      String name = declaration.name();
      StringBuilder member = new StringBuilder()
          .append(kind).append(' ').append(access & VISIBLE_FLAGS).append(' ').append(name).append(' ')
          .append(declaration.descriptor());
      for (ClassFile.Attribute attribute : declaration.attributes()) {
        DataInputStream data = attribute.data();
        switch (attribute.name()) {
          case "Signature" -> member.append(" signature ").append(file.utf8(data.readUnsignedShort()));
          case "Exceptions" -> member.append(" throws ").append(classList(file, data));
          case "ConstantValue" -> {
            Object constant = file.constantValue(data.readUnsignedShort());
            String value = constant instanceof String text
                ? "\"" + text + "\"" : constant.getClass().getSimpleName() + ":" + constant;
            member.append(" = ").append(value);
            if ((access & (ACC_STATIC | ACC_FINAL)) == (ACC_STATIC | ACC_FINAL)) {
              constants.append(name).append('=').append(value).append('\n');
            }
          }
          default -> { }
        }
      }
      if ((access & ACC_PRIVATE) == 0 && !name.equals("<clinit>")) {
        members.add(member.toString());
      }
    }
    members.sort(null);
    members.forEach(m -> abi.append(m).append('\n'));
  }

  private static String classList(ClassFile file, DataInputStream data) throws IOException {
    List<String> names = new ArrayList<>();
    for (int i = data.readUnsignedShort(); i > 0; i--) {
      names.add(file.className(data.readUnsignedShort()));
    }
    names.sort(null);
    return names.toString();
  }

  private static String recordComponents(ClassFile file, DataInputStream data) throws IOException {
    StringBuilder components = new StringBuilder();
    for (int i = data.readUnsignedShort(); i > 0; i--) {
      components.append(file.utf8(data.readUnsignedShort())).append(' ').append(file.utf8(data.readUnsignedShort()));
      for (int j = data.readUnsignedShort(); j > 0; j--) {
        String attribute = file.utf8(data.readUnsignedShort());
        byte[] body = data.readNBytes(data.readInt());
        if (attribute.equals("Signature")) {
          components.append(" signature ").append(file.utf8(((body[0] & 0xFF) << 8) | (body[1] & 0xFF)));
        }
      }
      components.append(", ");
    }
    return components.toString();
  }

  /** The flags this class declares for itself as a nested class ({@code static}, {@code private}...). */
  private static String nestedFlags(ClassFile file, DataInputStream data, String self) throws IOException {
    StringBuilder text = new StringBuilder();
    for (int i = data.readUnsignedShort(); i > 0; i--) {
      int inner = data.readUnsignedShort();
      data.readUnsignedShort(); // outer class
      data.readUnsignedShort(); // simple name
      int flags = data.readUnsignedShort();
      if (inner != 0 && file.className(inner).equals(self)) {
        text.append("nested ").append(flags & VISIBLE_FLAGS).append('\n');
      }
    }
    return text.toString();
  }

  private static Set<String> dotted(Set<String> internalNames) {
    Set<String> names = new TreeSet<>();
    for (String name : internalNames) {
      names.add(name.replace('/', '.'));
    }
    return names;
  }
}
