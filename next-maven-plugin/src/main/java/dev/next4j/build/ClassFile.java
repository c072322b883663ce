package dev.next4j.build;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A compiled class as its class file states it (JVMS §4), read from the bytes without loading the
 * class: its name, supertypes, fields, methods and attributes, and what its constant pool refers
 * to. The plugin's only class-file reader: the production build checks main methods and
 * reflection with it, dev mode's incremental compiler summarises ABIs with it.
 *
 * <pre>{@code
 * ClassFile file = ClassFile.parse(Files.readAllBytes(path));
 * file.name();                 // "com/acme/Server"
 * file.hasMainMethod();        // true
 * file.memberReferences();     // [java/lang/Class.forName(Ljava/lang/String;)Ljava/lang/Class;, ...]
 * }</pre>
 *
 * <p>Attribute bodies are kept as bytes; {@link #utf8}, {@link #className} and {@link
 * #constantValue} resolve the constant pool indices inside them.
 */
public final class ClassFile {
  private static final int MAGIC = 0xCAFEBABE;
  private static final int ACC_PUBLIC = 0x0001;
  private static final int ACC_STATIC = 0x0008;

  private final Object[] pool;
  private final int accessFlags;
  private final String name;
  private final String superName;
  private final List<String> interfaces;
  private final List<Member> fields;
  private final List<Member> methods;
  private final List<Attribute> attributes;

  private ClassFile(Object[] pool, int accessFlags, String name, String superName, List<String> interfaces,
      List<Member> fields, List<Member> methods, List<Attribute> attributes) {
    this.pool = pool;
    this.accessFlags = accessFlags;
    this.name = name;
    this.superName = superName;
    this.interfaces = List.copyOf(interfaces);
    this.fields = List.copyOf(fields);
    this.methods = List.copyOf(methods);
    this.attributes = List.copyOf(attributes);
  }

  /** An attribute: its name and its body, whose pool indices the class file resolves. */
  public record Attribute(String name, byte[] body) {
    /** The body, to read with {@code readUnsignedShort()} and the like. */
    public DataInputStream data() {
      return new DataInputStream(new ByteArrayInputStream(body));
    }
  }

  /** A field or method this class declares. */
  public record Member(int accessFlags, String name, String descriptor, List<Attribute> attributes) {
    public Member {
      attributes = List.copyOf(attributes);
    }
  }

  /** A field or method another class declares, as this class refers to it. */
  public record MemberReference(String owner, String name, String descriptor) {
    @Override
    public String toString() {
      return owner + "." + name + (descriptor.startsWith("(") ? "" : ":") + descriptor;
    }
  }

  /** The internal name, e.g. {@code com/acme/Server}. */
  public String name() {
    return name;
  }

  /** The class's access flags ({@code ACC_PUBLIC}, {@code ACC_INTERFACE}...). */
  public int accessFlags() {
    return accessFlags;
  }

  /** The superclass's internal name, or empty for {@code java/lang/Object} itself and module-info. */
  public String superName() {
    return superName;
  }

  /** The direct interfaces' internal names, in declaration order. */
  public List<String> interfaces() {
    return interfaces;
  }

  public List<Member> fields() {
    return fields;
  }

  public List<Member> methods() {
    return methods;
  }

  /** The class's own attributes ({@code SourceFile}, {@code InnerClasses}, {@code Record}...). */
  public List<Attribute> attributes() {
    return attributes;
  }

  /** The internal names of every class entry of the constant pool (array classes as descriptors). */
  public Set<String> classReferences() {
    Set<String> classes = new LinkedHashSet<>();
    for (Object entry : pool) {
      if (entry instanceof ClassEntry c) {
        classes.add((String) pool[c.nameIndex()]);
      }
    }
    return classes;
  }

  /** Every field and method reference of the constant pool, in pool order. */
  public List<MemberReference> memberReferences() {
    List<MemberReference> members = new ArrayList<>();
    for (Object entry : pool) {
      if (entry instanceof RefEntry r) {
        NameAndType nat = (NameAndType) pool[r.nameAndTypeIndex()];
        members.add(new MemberReference(((String) pool[((ClassEntry) pool[r.classIndex()]).nameIndex()]),
            (String) pool[nat.nameIndex()], (String) pool[nat.descriptorIndex()]));
      }
    }
    return members;
  }

  /** Every text of the constant pool (names, descriptors, signatures, string literals). */
  public List<String> utf8Entries() {
    List<String> texts = new ArrayList<>();
    for (Object entry : pool) {
      if (entry instanceof String text) {
        texts.add(text);
      }
    }
    return texts;
  }

  /** Whether this class declares {@code public static void main(String[])}, so {@code java} can start it. */
  public boolean hasMainMethod() {
    return methods.stream()
        .anyMatch(m -> m.name().equals("main")
            && m.descriptor().equals("([Ljava/lang/String;)V")
            && (m.accessFlags() & (ACC_PUBLIC | ACC_STATIC)) == (ACC_PUBLIC | ACC_STATIC));
  }

  /**
   * The text at pool {@code index}.
   *
   * @throws IOException when that entry is not a text
   */
  public String utf8(int index) throws IOException {
    return entry(index, String.class, "a text");
  }

  /**
   * The internal name of the class entry at pool {@code index}.
   *
   * @throws IOException when that entry is not a class
   */
  public String className(int index) throws IOException {
    return utf8(entry(index, ClassEntry.class, "a class").nameIndex());
  }

  /**
   * The value of a field's {@code ConstantValue} at pool {@code index}: an {@link Integer}, {@link
   * Long}, {@link Float}, {@link Double} or {@link String}.
   *
   * @throws IOException when that entry is not a constant
   */
  public Object constantValue(int index) throws IOException {
    Object value = entry(index, Object.class, "a constant");
    if (value instanceof StringEntry string) {
      return utf8(string.utf8Index());
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Float || value instanceof Double) {
      return value;
    }
    throw new IOException("not a well-formed class file: pool entry " + index + " is not a constant");
  }

  private <T> T entry(int index, Class<T> type, String what) throws IOException {
    if (index <= 0 || index >= pool.length || !type.isInstance(pool[index])) {
      throw new IOException("not a well-formed class file: pool entry " + index + " is not " + what);
    }
    return type.cast(pool[index]);
  }

  /**
   * Parses a class file.
   *
   * @throws IOException if {@code bytes} are not a well-formed class file
   */
  public static ClassFile parse(byte[] bytes) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
    try {
      if (in.readInt() != MAGIC) {
        throw new IOException("not a class file: it does not start with 0xCAFEBABE");
      }
      in.readUnsignedShort(); // minor version
      in.readUnsignedShort(); // major version
      Object[] pool = readConstantPool(in);
      int access = in.readUnsignedShort();
      String name = (String) pool[((ClassEntry) pool[in.readUnsignedShort()]).nameIndex()];
      int superIndex = in.readUnsignedShort();
      String superName = superIndex == 0 ? "" : (String) pool[((ClassEntry) pool[superIndex]).nameIndex()];
      List<String> interfaces = new ArrayList<>();
      for (int i = in.readUnsignedShort(); i > 0; i--) {
        interfaces.add((String) pool[((ClassEntry) pool[in.readUnsignedShort()]).nameIndex()]);
      }
      List<Member> fields = readMembers(in, pool);
      List<Member> methods = readMembers(in, pool);
      List<Attribute> attributes = readAttributes(in, pool);
      return new ClassFile(pool, access, name, superName, interfaces, fields, methods, attributes);
    } catch (EOFException | ClassCastException | NullPointerException | ArrayIndexOutOfBoundsException
        | IllegalArgumentException e) {
      throw new IOException("not a well-formed class file: " + e, e);
    }
  }

  private record ClassEntry(int nameIndex) {}

  private record StringEntry(int utf8Index) {}

  private record RefEntry(int classIndex, int nameAndTypeIndex) {}

  private record NameAndType(int nameIndex, int descriptorIndex) {}

  private static Object[] readConstantPool(DataInputStream in) throws IOException {
    Object[] pool = new Object[in.readUnsignedShort()];
    for (int i = 1; i < pool.length; i++) {
      int tag = in.readUnsignedByte();
      switch (tag) {
        case 1 -> pool[i] = in.readUTF(); // the class file's modified UTF-8 is DataInput's format
        case 3 -> pool[i] = in.readInt();
        case 4 -> pool[i] = in.readFloat();
        case 5 -> pool[i++] = in.readLong(); // Long and Double take two slots
        case 6 -> pool[i++] = in.readDouble();
        case 7 -> pool[i] = new ClassEntry(in.readUnsignedShort());
        case 8 -> pool[i] = new StringEntry(in.readUnsignedShort());
        case 16, 19, 20 -> in.skipBytes(2); // MethodType, Module, Package
        case 9, 10, 11 -> pool[i] = new RefEntry(in.readUnsignedShort(), in.readUnsignedShort());
        case 12 -> pool[i] = new NameAndType(in.readUnsignedShort(), in.readUnsignedShort());
        case 15 -> in.skipBytes(3); // MethodHandle: its target is a Ref entry, read on its own
        case 17, 18 -> in.skipBytes(4); // Dynamic, InvokeDynamic: bootstrap index, NameAndType
        default -> throw new IOException("not a well-formed class file: unknown constant pool tag " + tag
            + " at entry " + i);
      }
    }
    return pool;
  }

  private static List<Member> readMembers(DataInputStream in, Object[] pool) throws IOException {
    int count = in.readUnsignedShort();
    List<Member> members = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int flags = in.readUnsignedShort();
      String name = (String) pool[in.readUnsignedShort()];
      String descriptor = (String) pool[in.readUnsignedShort()];
      members.add(new Member(flags, name, descriptor, readAttributes(in, pool)));
    }
    return members;
  }

  private static List<Attribute> readAttributes(DataInputStream in, Object[] pool) throws IOException {
    int count = in.readUnsignedShort();
    List<Attribute> attributes = new ArrayList<>(count);
    for (int a = 0; a < count; a++) {
      String name = (String) pool[in.readUnsignedShort()];
      int length = in.readInt();
      byte[] body = in.readNBytes(length);
      if (body.length != length) {
        throw new EOFException("attribute " + name + " runs past the end");
      }
      attributes.add(new Attribute(name, body));
    }
    return attributes;
  }
}
