package dev.ykmfa.conformance;

import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;

/** jqwik side of {@link Needs}: a property whose needs are not met is skipped with the reason. */
public final class NeedsHook implements SkipExecutionHook {
    @Override
    public SkipResult shouldBeSkipped(LifecycleContext context) {
        return context.findAnnotation(Needs.class).flatMap(NeedsCheck::skipReason).map(SkipResult::skip)
                .orElse(SkipResult.doNotSkip());
    }
}
