package dev.ykmfa.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ykmfa.awssim.AwsSimulator;
import org.junit.jupiter.api.Test;

class SimCommandAdminSecretTest {
    @Test
    void printableAdminSecret_awsDocumentedExample_isShownInFull() {
        String shown = SimCommand.printableAdminSecret(AwsSimulator.DEFAULT_ADMIN_SECRET_ACCESS_KEY);
        assertTrue(shown.startsWith("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"), shown);
    }

    @Test
    void printableAdminSecret_anyOtherSecret_isMasked() {
        String secret = "Zq9vR2kLmN4pXs7TuW1yB3cD5eF6gH8jK0aQwErT";
        String shown = SimCommand.printableAdminSecret(secret);
        assertFalse(shown.contains("Zq9v") || shown.contains("QwErT"), shown);
        assertEquals("******** (40 chars)", shown);
    }
}
