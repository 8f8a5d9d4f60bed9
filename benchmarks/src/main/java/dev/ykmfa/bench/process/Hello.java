package dev.ykmfa.bench.process;

/** The whole-process anchor: a JVM that starts, prints "hello" and exits. */
public final class Hello {
    private Hello() {
    }

    /** @param args ignored */
    public static void main(String[] args) {
        System.out.println("hello");
    }
}
