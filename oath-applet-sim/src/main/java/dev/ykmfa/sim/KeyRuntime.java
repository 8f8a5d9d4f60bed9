package dev.ykmfa.sim;

import com.licel.jcardsim.base.SimulatorRuntime;
import javacard.framework.AID;
import javacard.framework.Applet;

/** jCardSim's runtime, opened up just enough to reach an installed applet instance. */
final class KeyRuntime extends SimulatorRuntime {
    Applet appletInstance(AID aid) {
        return getApplet(aid);
    }
}
