package dev.ykmfa.aws.key;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KeySelectorTest {
    private static final List<String> TWO_KEYS = List.of("Yubico YubiKey OTP+FIDO+CCID 00 00",
            "Yubico YubiKey OTP+FIDO+CCID 01 00", "Generic Smart Card Reader");
    private static final Map<String, String> SERIALS = Map.of(TWO_KEYS.get(0), "1111", TWO_KEYS.get(1), "2222");

    @Test
    void choose_defaultsToTheOnlyYubicoReader() {
        assertEquals("Yubico YubiKey 5", KeySelector.choose(List.of("Other", "Yubico YubiKey 5"), null, null,
                r -> Optional.empty()));
    }

    @Test
    void choose_severalKeys_isAClearErrorListingThem() {
        KeySelectionException e = assertThrows(KeySelectionException.class,
                () -> KeySelector.choose(TWO_KEYS, null, null, r -> Optional.empty()));
        assertTrue(e.getMessage().contains("00 00") && e.getMessage().contains("01 00"), e.getMessage());
        assertTrue(e.getMessage().contains("--reader"), e.getMessage());
    }

    @Test
    void choose_bySubstringOrSerial_picksOne() {
        assertEquals(TWO_KEYS.get(1), KeySelector.choose(TWO_KEYS, "ccid 01", null, r -> Optional.empty()));
        assertEquals(TWO_KEYS.get(1), KeySelector.choose(TWO_KEYS, null, "2222",
                r -> Optional.ofNullable(SERIALS.get(r))));
    }

    @Test
    void choose_noMatch_listsTheReadersPresent() {
        KeySelectionException e = assertThrows(KeySelectionException.class,
                () -> KeySelector.choose(TWO_KEYS, "Nitrokey", null, r -> Optional.empty()));
        assertTrue(e.getMessage().contains("Generic Smart Card Reader"), e.getMessage());
        assertThrows(KeySelectionException.class, () -> KeySelector.choose(List.of(), null, null,
                r -> Optional.empty()));
    }
}
