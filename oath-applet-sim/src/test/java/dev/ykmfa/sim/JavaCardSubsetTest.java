package dev.ykmfa.sim;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Reads the bytecode of every class in {@code dev.ykmfa.sim.applet} and fails on anything outside the Java Card
 * 3.0.5 classic subset: classes other than javacard.*, javacardx.*, the applet package itself, java.lang.Object
 * and the exception classes Java Card has; any {@code long}, {@code float} or {@code double}; invokedynamic
 * (lambdas, string concatenation); and String constants.
 */
class JavaCardSubsetTest {
    private static final String APPLET_PACKAGE = "dev/ykmfa/sim/applet/";
    private static final Set<String> JAVA_LANG_ALLOWED = Set.of(
            "java/lang/Object", "java/lang/Throwable", "java/lang/Exception", "java/lang/RuntimeException",
            "java/lang/ArithmeticException", "java/lang/ArrayIndexOutOfBoundsException",
            "java/lang/ArrayStoreException", "java/lang/ClassCastException",
            "java/lang/IndexOutOfBoundsException", "java/lang/NegativeArraySizeException",
            "java/lang/NullPointerException", "java/lang/SecurityException");

    @Test
    void appletClasses_useOnlyTheJavaCardSubset() throws Exception {
        List<Path> classes = appletClassFiles();
        assertTrue(classes.size() >= 8, "expected the applet classes, found " + classes);
        Set<String> violations = new TreeSet<>();
        for (Path p : classes) {
            try (InputStream in = Files.newInputStream(p)) {
                new ClassReader(in).accept(new Checker(p.getFileName().toString(), violations), 0);
            }
        }
        assertEquals(Set.of(), violations, "non-Java-Card constructs in dev.ykmfa.sim.applet");
    }

    @Test
    void checker_catchesForbiddenConstructs() throws Exception {
        // the checker itself must be able to fail: run it over a class that uses String and long
        Set<String> violations = new TreeSet<>();
        try (InputStream in = JavaCardSubsetTest.class.getResourceAsStream("JavaCardSubsetTest$Forbidden.class")) {
            new ClassReader(in).accept(new Checker("Forbidden", violations), 0);
        }
        assertTrue(violations.stream().anyMatch(v -> v.contains("java/lang/String")), violations.toString());
        assertTrue(violations.stream().anyMatch(v -> v.contains("long")), violations.toString());
        assertTrue(violations.stream().anyMatch(v -> v.contains("java/util/List")), violations.toString());
    }

    @SuppressWarnings("unused")
    static final class Forbidden {
        long counter;

        String name(List<String> names) {
            return names.get(0) + counter;
        }
    }

    private static List<Path> appletClassFiles() throws IOException, URISyntaxException {
        URL url = dev.ykmfa.sim.applet.OathApplet.class.getResource("OathApplet.class");
        Path dir = Path.of(url.toURI()).getParent();
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> out = new ArrayList<>();
            s.filter(p -> p.toString().endsWith(".class")).forEach(out::add);
            return out;
        }
    }

    private static final class Checker extends ClassVisitor {
        private final String where;
        private final Set<String> violations;

        Checker(String where, Set<String> violations) {
            super(Opcodes.ASM9);
            this.where = where;
            this.violations = violations;
        }

        void type(Type t, String ctx) {
            switch (t.getSort()) {
                case Type.LONG, Type.FLOAT, Type.DOUBLE -> violations.add(where + ": " + ctx + " uses "
                        + t.getClassName().replace('.', '/').toLowerCase());
                case Type.ARRAY -> type(t.getElementType(), ctx);
                case Type.OBJECT -> name(t.getInternalName(), ctx);
                case Type.METHOD -> {
                    type(t.getReturnType(), ctx);
                    for (Type a : t.getArgumentTypes()) {
                        type(a, ctx);
                    }
                }
                default -> {
                }
            }
        }

        void name(String internal, String ctx) {
            if (internal.startsWith("[")) {
                type(Type.getType(internal), ctx);
                return;
            }
            boolean ok = internal.startsWith("javacard/") || internal.startsWith("javacardx/")
                    || internal.startsWith(APPLET_PACKAGE) || JAVA_LANG_ALLOWED.contains(internal);
            if (!ok) {
                violations.add(where + ": " + ctx + " references " + internal);
            }
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName,
                          String[] interfaces) {
            if (superName != null) {
                name(superName, "superclass");
            }
            for (String i : interfaces) {
                name(i, "interface");
            }
        }

        @Override
        public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
            type(Type.getType(descriptor), "field " + name);
            if (value instanceof String || value instanceof Long || value instanceof Float
                    || value instanceof Double) {
                violations.add(where + ": field " + name + " has a constant of type " + value.getClass());
            }
            return null;
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                         String[] exceptions) {
            String m = "method " + name;
            type(Type.getMethodType(descriptor), m);
            return new MethodVisitor(Opcodes.ASM9) {
                @Override
                public void visitTypeInsn(int opcode, String type) {
                    name(type, m);
                }

                @Override
                public void visitFieldInsn(int opcode, String owner, String fname, String desc) {
                    name(owner, m);
                    type(Type.getType(desc), m);
                }

                @Override
                public void visitMethodInsn(int opcode, String owner, String mname, String desc, boolean itf) {
                    name(owner, m);
                    type(Type.getMethodType(desc), m);
                }

                @Override
                public void visitInvokeDynamicInsn(String iname, String desc, Handle bsm, Object... args) {
                    violations.add(where + ": " + m + " uses invokedynamic (" + iname + ")");
                }

                @Override
                public void visitLdcInsn(Object value) {
                    if (value instanceof String || value instanceof Long || value instanceof Float
                            || value instanceof Double) {
                        violations.add(where + ": " + m + " loads a " + value.getClass().getSimpleName()
                                + " constant");
                    } else if (value instanceof Type t) {
                        type(t, m);
                    }
                }

                @Override
                public void visitInsn(int opcode) {
                    if (isWideArithmetic(opcode)) {
                        violations.add(where + ": " + m + " uses long/float/double arithmetic (opcode "
                                + opcode + ")");
                    }
                }

                @Override
                public void visitTryCatchBlock(org.objectweb.asm.Label s, org.objectweb.asm.Label e,
                                               org.objectweb.asm.Label h, String type) {
                    if (type != null) {
                        name(type, m);
                    }
                }

                @Override
                public void visitLocalVariable(String lname, String desc, String sig, org.objectweb.asm.Label s,
                                               org.objectweb.asm.Label e, int index) {
                    type(Type.getType(desc), m + " local " + lname);
                }
            };
        }

        static boolean isWideArithmetic(int op) {
            return switch (op) {
                case Opcodes.LCONST_0, Opcodes.LCONST_1, Opcodes.FCONST_0, Opcodes.FCONST_1, Opcodes.FCONST_2,
                     Opcodes.DCONST_0, Opcodes.DCONST_1,
                     Opcodes.LADD, Opcodes.FADD, Opcodes.DADD, Opcodes.LSUB, Opcodes.FSUB, Opcodes.DSUB,
                     Opcodes.LMUL, Opcodes.FMUL, Opcodes.DMUL, Opcodes.LDIV, Opcodes.FDIV, Opcodes.DDIV,
                     Opcodes.LREM, Opcodes.FREM, Opcodes.DREM, Opcodes.LNEG, Opcodes.FNEG, Opcodes.DNEG,
                     Opcodes.LSHL, Opcodes.LSHR, Opcodes.LUSHR, Opcodes.LAND, Opcodes.LOR, Opcodes.LXOR,
                     Opcodes.I2L, Opcodes.I2F, Opcodes.I2D, Opcodes.L2I, Opcodes.L2F, Opcodes.L2D,
                     Opcodes.F2I, Opcodes.F2L, Opcodes.F2D, Opcodes.D2I, Opcodes.D2L, Opcodes.D2F,
                     Opcodes.LCMP, Opcodes.FCMPL, Opcodes.FCMPG, Opcodes.DCMPL, Opcodes.DCMPG -> true;
                default -> false;
            };
        }
    }
}
