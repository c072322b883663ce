package dev.next4j.dev;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the incremental compiler needs to know of one class file: its name, the source file it came
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
    return new Reader(bytes).read();
  }

  /** A one-pass reader of the class file format (JVMS §4), keeping only what a summary needs. */
  private static final class Reader {
    private final DataInputStream in;
    private Object[] pool;
    private final Set<String> references = new TreeSet<>();

    Reader(byte[] bytes) {
      this.in = new DataInputStream(new ByteArrayInputStream(bytes));
    }

    ClassSummary read() throws IOException {
      if (in.readInt() != 0xCAFEBABE) {
        throw new IOException("not a class file (bad magic number)");
      }
      in.readUnsignedShort(); // minor version
      in.readUnsignedShort(); // major version
      readPool();
      StringBuilder abi = new StringBuilder();
      StringBuilder constants = new StringBuilder();
      int access = in.readUnsignedShort();
      String name = className(in.readUnsignedShort());
      int superIndex = in.readUnsignedShort();
      abi.append("class ").append(access & VISIBLE_FLAGS).append(' ').append(name);
      abi.append(" extends ").append(superIndex == 0 ? "" : className(superIndex));
      List<String> interfaces = new ArrayList<>();
      for (int i = in.readUnsignedShort(); i > 0; i--) {
        interfaces.add(className(in.readUnsignedShort()));
      }
      abi.append(" implements ").append(new TreeSet<>(interfaces)).append('\n');
      readMembers("field", abi, constants);
      readMembers("method", abi, constants);
      String sourceFile = "";
      for (int i = in.readUnsignedShort(); i > 0; i--) {
        String attribute = utf8(in.readUnsignedShort());
        byte[] body = in.readNBytes(in.readInt());
        DataInputStream data = new DataInputStream(new ByteArrayInputStream(body));
        switch (attribute) {
          case "SourceFile" -> sourceFile = utf8(data.readUnsignedShort());
          case "Signature" -> abi.append("signature ").append(utf8(data.readUnsignedShort())).append('\n');
          case "PermittedSubclasses" -> abi.append("permits ").append(classList(data)).append('\n');
          case "Record" -> abi.append("record ").append(recordComponents(data)).append('\n');
          case "InnerClasses" -> abi.append(nestedFlags(data, name));
          default -> { }
        }
      }
      references.remove(name);
      return new ClassSummary(name.replace('/', '.'), sourceFile, dotted(references), abi.toString(), constants.toString());
    }

    private void readPool() throws IOException {
      int count = in.readUnsignedShort();
      pool = new Object[count];
      List<Integer> classEntries = new ArrayList<>();
      for (int i = 1; i < count; i++) {
        int tag = in.readUnsignedByte();
        switch (tag) {
          case 1 -> pool[i] = in.readUTF();
          case 3 -> pool[i] = in.readInt();
          case 4 -> pool[i] = in.readFloat();
          case 5 -> pool[i++] = in.readLong();
          case 6 -> pool[i++] = in.readDouble();
          case 7 -> {
            classEntries.add(in.readUnsignedShort());
            pool[i] = new ClassRef(classEntries.get(classEntries.size() - 1));
          }
          case 8 -> pool[i] = new StringRef(in.readUnsignedShort());
          case 16, 19, 20 -> in.readUnsignedShort();
          case 15 -> in.skipNBytes(3);
          case 9, 10, 11, 12, 17, 18 -> in.readInt();
          default -> throw new IOException("unknown constant pool tag " + tag + " at index " + i);
        }
      }
      for (int nameIndex : classEntries) {
        String className = utf8(nameIndex);
        if (className.startsWith("[")) {
          addDescriptorTypes(className);
        } else {
          references.add(className);
        }
      }
      for (Object entry : pool) {
        if (entry instanceof String text && (text.indexOf(';') > 0)) {
          addDescriptorTypes(text);
        }
      }
    }

    /** Adds every {@code Lpkg/Name;} (or {@code Lpkg/Name<}) in a descriptor or signature. */
    private void addDescriptorTypes(String text) {
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

    private void readMembers(String kind, StringBuilder abi, StringBuilder constants) throws IOException {
      List<String> members = new ArrayList<>();
      for (int i = in.readUnsignedShort(); i > 0; i--) {
        int access = in.readUnsignedShort();
        String name = utf8(in.readUnsignedShort());
        String descriptor = utf8(in.readUnsignedShort());
        StringBuilder member = new StringBuilder()
            .append(kind).append(' ').append(access & VISIBLE_FLAGS).append(' ').append(name).append(' ').append(descriptor);
        for (int j = in.readUnsignedShort(); j > 0; j--) {
          String attribute = utf8(in.readUnsignedShort());
          byte[] body = in.readNBytes(in.readInt());
          DataInputStream data = new DataInputStream(new ByteArrayInputStream(body));
          switch (attribute) {
            case "Signature" -> member.append(" signature ").append(utf8(data.readUnsignedShort()));
            case "Exceptions" -> member.append(" throws ").append(classList(data));
            case "ConstantValue" -> {
              String value = constantText(data.readUnsignedShort());
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

    private String classList(DataInputStream data) throws IOException {
      List<String> names = new ArrayList<>();
      for (int i = data.readUnsignedShort(); i > 0; i--) {
        names.add(className(data.readUnsignedShort()));
      }
      names.sort(null);
      return names.toString();
    }

    private String recordComponents(DataInputStream data) throws IOException {
      StringBuilder components = new StringBuilder();
      for (int i = data.readUnsignedShort(); i > 0; i--) {
        components.append(utf8(data.readUnsignedShort())).append(' ').append(utf8(data.readUnsignedShort()));
        for (int j = data.readUnsignedShort(); j > 0; j--) {
          String attribute = utf8(data.readUnsignedShort());
          byte[] body = data.readNBytes(data.readInt());
          if (attribute.equals("Signature")) {
            components.append(" signature ").append(utf8(((body[0] & 0xFF) << 8) | (body[1] & 0xFF)));
          }
        }
        components.append(", ");
      }
      return components.toString();
    }

    /** The flags this class declares for itself as a nested class ({@code static}, {@code private}...). */
    private String nestedFlags(DataInputStream data, String self) throws IOException {
      StringBuilder text = new StringBuilder();
      for (int i = data.readUnsignedShort(); i > 0; i--) {
        int inner = data.readUnsignedShort();
        data.readUnsignedShort(); // outer class
        data.readUnsignedShort(); // simple name
        int flags = data.readUnsignedShort();
        if (inner != 0 && className(inner).equals(self)) {
          text.append("nested ").append(flags & VISIBLE_FLAGS).append('\n');
        }
      }
      return text.toString();
    }

    private String constantText(int index) {
      Object value = pool[index];
      return value instanceof StringRef ref ? "\"" + utf8(ref.utf8()) + "\"" : value.getClass().getSimpleName() + ":" + value;
    }

    private String className(int index) {
      return utf8(((ClassRef) pool[index]).utf8());
    }

    private String utf8(int index) {
      return (String) pool[index];
    }

    private static Set<String> dotted(Set<String> internalNames) {
      Set<String> names = new TreeSet<>();
      for (String name : internalNames) {
        names.add(name.replace('/', '.'));
      }
      return names;
    }

    private record ClassRef(int utf8) {}

    private record StringRef(int utf8) {}
  }
}
