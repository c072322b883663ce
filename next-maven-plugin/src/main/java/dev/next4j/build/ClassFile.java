package dev.next4j.build;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a compiled class names: its own name, the classes and members its constant pool refers
 * to, and the methods it declares. Read straight from the class file bytes (JVMS §4), without
 * loading the class.
 *
 * <pre>{@code
 * ClassFile file = ClassFile.parse(Files.readAllBytes(path));
 * file.name();                 // "com/acme/Server"
 * file.hasMainMethod();        // true
 * file.memberReferences();     // [java/lang/Class.forName(Ljava/lang/String;)Ljava/lang/Class;, ...]
 * }</pre>
 */
public record ClassFile(
    String name, Set<String> classReferences, List<MemberReference> memberReferences, List<Method> methods) {

  private static final int MAGIC = 0xCAFEBABE;
  private static final int ACC_PUBLIC = 0x0001;
  private static final int ACC_STATIC = 0x0008;

  public ClassFile {
    classReferences = Set.copyOf(classReferences);
    memberReferences = List.copyOf(memberReferences);
    methods = List.copyOf(methods);
  }

  /** A field or method another class declares, as this class refers to it. */
  public record MemberReference(String owner, String name, String descriptor) {
    @Override
    public String toString() {
      return owner + "." + name + (descriptor.startsWith("(") ? "" : ":") + descriptor;
    }
  }

  /** A method this class declares. */
  public record Method(int accessFlags, String name, String descriptor) {}

  /** Whether this class declares {@code public static void main(String[])}, so {@code java} can start it. */
  public boolean hasMainMethod() {
    return methods.stream()
        .anyMatch(m -> m.name().equals("main")
            && m.descriptor().equals("([Ljava/lang/String;)V")
            && (m.accessFlags() & (ACC_PUBLIC | ACC_STATIC)) == (ACC_PUBLIC | ACC_STATIC));
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
      in.readUnsignedShort(); // access flags
      String name = className(pool, in.readUnsignedShort());
      in.readUnsignedShort(); // super class
      in.skipBytes(2 * in.readUnsignedShort()); // interfaces
      readMembers(in, pool); // fields
      List<Method> methods = readMembers(in, pool);

      Set<String> classes = new LinkedHashSet<>();
      List<MemberReference> members = new ArrayList<>();
      for (Object entry : pool) {
        if (entry instanceof ClassEntry c) {
          classes.add(utf8(pool, c.nameIndex()));
        } else if (entry instanceof RefEntry r) {
          NameAndType nat = (NameAndType) pool[r.nameAndTypeIndex()];
          members.add(new MemberReference(
              className(pool, r.classIndex()), utf8(pool, nat.nameIndex()), utf8(pool, nat.descriptorIndex())));
        }
      }
      return new ClassFile(name, classes, members, methods);
    } catch (java.io.EOFException | ClassCastException | NullPointerException | ArrayIndexOutOfBoundsException e) {
      throw new IOException("not a well-formed class file: " + e, e);
    }
  }

  private record ClassEntry(int nameIndex) {}

  private record RefEntry(int classIndex, int nameAndTypeIndex) {}

  private record NameAndType(int nameIndex, int descriptorIndex) {}

  private static Object[] readConstantPool(DataInputStream in) throws IOException {
    Object[] pool = new Object[in.readUnsignedShort()];
    for (int i = 1; i < pool.length; i++) {
      int tag = in.readUnsignedByte();
      switch (tag) {
        case 1 -> pool[i] = in.readUTF(); // the class file's modified UTF-8 is DataInput's format
        case 3, 4 -> in.skipBytes(4); // Integer, Float
        case 5, 6 -> { // Long, Double take two slots
          in.skipBytes(8);
          i++;
        }
        case 7 -> pool[i] = new ClassEntry(in.readUnsignedShort());
        case 8, 16, 19, 20 -> in.skipBytes(2); // String, MethodType, Module, Package
        case 9, 10, 11 -> pool[i] = new RefEntry(in.readUnsignedShort(), in.readUnsignedShort());
        case 12 -> pool[i] = new NameAndType(in.readUnsignedShort(), in.readUnsignedShort());
        case 15 -> in.skipBytes(3); // MethodHandle: its target is a Ref entry, read on its own
        case 17, 18 -> in.skipBytes(4); // Dynamic, InvokeDynamic: bootstrap index, NameAndType
        default -> throw new IOException("unknown constant pool tag " + tag + " at entry " + i);
      }
    }
    return pool;
  }

  private static List<Method> readMembers(DataInputStream in, Object[] pool) throws IOException {
    int count = in.readUnsignedShort();
    List<Method> members = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int flags = in.readUnsignedShort();
      String name = utf8(pool, in.readUnsignedShort());
      String descriptor = utf8(pool, in.readUnsignedShort());
      int attributes = in.readUnsignedShort();
      for (int a = 0; a < attributes; a++) {
        in.readUnsignedShort(); // attribute name
        int length = in.readInt();
        if (in.skipBytes(length) != length) {
          throw new java.io.EOFException("attribute of " + name + " runs past the end");
        }
      }
      members.add(new Method(flags, name, descriptor));
    }
    return members;
  }

  private static String className(Object[] pool, int index) {
    return utf8(pool, ((ClassEntry) pool[index]).nameIndex());
  }

  private static String utf8(Object[] pool, int index) {
    return (String) pool[index];
  }
}
