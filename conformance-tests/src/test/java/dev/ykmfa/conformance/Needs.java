package dev.ykmfa.conformance;

import dev.ykmfa.conformance.backend.Capability;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a conformance test (JUnit test or jqwik property) needs. When the key, the backend or a capability is missing,
 * or a hardware permission was not given, the test is reported as skipped with the reason — never run half-way,
 * never passed. Evaluated by {@link NeedsCondition} (JUnit) and {@link NeedsHook} (jqwik).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
@ExtendWith(NeedsCondition.class)
@AddLifecycleHook(NeedsHook.class)
public @interface Needs {
    /** @return whether the key under test is needed */
    boolean key() default true;

    /** @return whether the backend under test is needed */
    boolean backend() default false;

    /** @return backend capabilities needed (implies {@link #backend()}) */
    Capability[] capabilities() default {};

    /** @return whether the test changes the OATH password or resets the key */
    boolean destructive() default false;

    /** @return whether the test calculates a touch-required credential */
    boolean touch() default false;

    /** @return whether the test needs the simulated key in-process (power cuts, touch denial) */
    boolean simulatedKey() default false;

    /** @return free credential slots the test needs on a key in a reader (checked against the room measured at start) */
    int slots() default 1;

    /** @return minimum OATH firmware, e.g. {@code 5.3.0} (RENAME), or empty */
    String firmwareAtLeast() default "";
}
