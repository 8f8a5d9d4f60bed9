package dev.ykmfa.conformance.flow;

import dev.ykmfa.conformance.Needs;
import dev.ykmfa.conformance.Suite;
import dev.ykmfa.conformance.backend.Capability;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterTry;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;

/**
 * Stateful property: random sequences of enroll, assume, use the session, resync, deactivate, rotate the access key,
 * power-cycle the key and advance the clock, run against key + backend and checked step by step against the model in
 * {@link FlowWorld}. Needs a backend whose clock the suite controls (sequences cross many TOTP steps and session
 * lifetimes) and that enforces what the model predicts.
 */
class FlowStatePropertiesIT {
    private static final int MAX_ACTIONS = 14;
    private static final long MAX_ADVANCE_SECONDS = 1200;
    private final List<FlowWorld> worlds = new ArrayList<>();

    @Property(tries = 12)
    @Needs(capabilities = {Capability.CONTROLLABLE_CLOCK, Capability.ENFORCES_MFA_CODES,
        Capability.REJECTS_REPLAYED_CODES, Capability.RESYNC_MFA, Capability.VALIDATES_SIGV4,
        Capability.EXPIRES_SESSIONS})
    void flowActionSequences_matchTheModel(@ForAll("chains") ActionChain<FlowWorld> chain) {
        chain.run();
    }

    @Provide
    Arbitrary<ActionChain<FlowWorld>> chains() {
        return ActionChain.<FlowWorld>startWith(() -> {
            FlowWorld w = new FlowWorld(Suite.key(), Suite.backend());
            worlds.add(w);
            return w;
        })
                .withAction(3, Action.<FlowWorld>builder().describeAs("enroll").justMutate(FlowWorld::enroll))
                .withAction(4, Action.<FlowWorld>when(FlowWorld::enrolled).describeAs("assume")
                        .justMutate(FlowWorld::assume))
                .withAction(2, Action.<FlowWorld>when(FlowWorld::hasSession).describeAs("use session")
                        .justMutate(FlowWorld::useSession))
                .withAction(1, Action.<FlowWorld>when(FlowWorld::enrolled).describeAs("resync")
                        .justMutate(FlowWorld::resync))
                .withAction(1, Action.<FlowWorld>when(FlowWorld::enrolled).describeAs("deactivate")
                        .justMutate(FlowWorld::deactivate))
                .withAction(1, Action.<FlowWorld>when(FlowWorld::enrolled).describeAs("rotate access key")
                        .justMutate(FlowWorld::rotateAccessKey))
                .withAction(1, Action.<FlowWorld>builder().describeAs("power-cycle key")
                        .justMutate(FlowWorld::powerCycleKey))
                .withAction(3, new Advance())
                .withMaxTransformations(MAX_ACTIONS);
    }

    /** Moves the backend's (and the key's) clock forward by 1 s … 20 min. */
    private static final class Advance implements Action.Independent<FlowWorld> {
        @Override
        public Arbitrary<Transformer<FlowWorld>> transformer() {
            return Arbitraries.longs().between(1, MAX_ADVANCE_SECONDS).edgeCases(c -> c.add(30L))
                    .map(s -> Transformer.mutate("advance clock " + s + " s", w -> w.advance(s)));
        }
    }

    @AfterTry
    void closeWorlds() {
        worlds.forEach(FlowWorld::close);
        worlds.clear();
    }
}
