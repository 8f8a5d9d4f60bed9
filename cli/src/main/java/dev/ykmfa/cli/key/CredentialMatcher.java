package dev.ykmfa.cli.key;

import dev.ykmfa.protocol.ykoath.CredentialId;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Chooses credentials by a user-given NAME the way {@code ykman oath} does: an exact match of the display name
 * ({@code issuer:name}) or of the stored id wins; otherwise every credential whose display name contains NAME
 * (case-insensitive) matches.
 */
public final class CredentialMatcher {
    private CredentialMatcher() {
    }

    /**
     * @param items the credentials (or entries holding them)
     * @param idOf how to get an item's id
     * @param query the NAME given by the user
     * @param <T> the item type
     * @return the matching items, in order
     */
    public static <T> List<T> match(List<T> items, Function<T, CredentialId> idOf, String query) {
        List<T> exact = items.stream().filter(i -> isExact(idOf.apply(i), query)).collect(Collectors.toList());
        if (!exact.isEmpty()) {
            return exact;
        }
        String q = query.toLowerCase(Locale.ROOT);
        return items.stream()
                .filter(i -> idOf.apply(i).displayName().toLowerCase(Locale.ROOT).contains(q))
                .collect(Collectors.toList());
    }

    /**
     * @param id a credential id
     * @param name a name
     * @return whether {@code name} names exactly this credential (display name or stored id)
     */
    public static boolean isExact(CredentialId id, String name) {
        return id.displayName().equals(name) || id.formatted().equals(name);
    }
}
