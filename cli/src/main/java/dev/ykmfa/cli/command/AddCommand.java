package dev.ykmfa.cli.command;

import dev.ykmfa.cli.CliException;
import dev.ykmfa.cli.ExitCodes;
import dev.ykmfa.cli.UsageException;
import dev.ykmfa.cli.key.KeyAccess;
import dev.ykmfa.protocol.otp.Base32;
import dev.ykmfa.protocol.otp.HashAlgorithm;
import dev.ykmfa.protocol.otp.OtpAuthUri;
import dev.ykmfa.protocol.ykoath.CredentialData;
import dev.ykmfa.protocol.ykoath.CredentialId;
import dev.ykmfa.protocol.ykoath.OathType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ykmfa add NAME SECRET}: programs a credential, like {@code ykman oath accounts add}. */
@Command(name = "add", mixinStandardHelpOptions = true,
        description = {"Program a credential into the key (TOTP, SHA1, 6 digits, 30 s unless told otherwise).",
            "SECRET is the Base32 seed (spaces, hyphens and case are forgiven) or an otpauth:// URI; leave it out to "
                + "be asked for it on the terminal (keeps it out of the process list and the shell history).",
            "An existing credential of the same name is not overwritten unless --force is given."},
        footerHeading = "%nExamples:%n",
        footer = {"  ykmfa add --touch arn:aws:iam::123456789012:mfa/JohnDoe JBSWY3DPEHPK3PXP",
            "  ykmfa add -i Example alice@example.com    # asks for the secret",
            "  ykmfa add --oath-type HOTP --digits 8 --counter 5 ci-hotp GEZDGNBVGY3TQOJQ"})
public final class AddCommand extends Subcommand {
    @Parameters(index = "0", paramLabel = "NAME", description = "The credential name, e.g. the MFA device ARN.")
    private String name;

    /** The secret as typed: a seed given in groups without quotes arrives as several parts, joined without spaces. */
    @Parameters(index = "1..*", arity = "0..*", paramLabel = "SECRET",
            description = "Base32 seed (may be typed in groups: JBSW Y3DP ...) or otpauth:// URI; asked for on the "
                    + "terminal when left out.")
    private List<String> secretParts = new ArrayList<>();

    @Option(names = {"-i", "--issuer"}, paramLabel = "ISSUER", description = "Issuer, shown as ISSUER:NAME.")
    private String issuer;

    @Option(names = {"-o", "--oath-type"}, paramLabel = "TOTP|HOTP", description = "TOTP (default) or HOTP.")
    private OathType oathType = OathType.TOTP;

    @Option(names = {"-a", "--algorithm"}, paramLabel = "SHA1|SHA256|SHA512",
            description = "HMAC hash (default SHA1, what AWS uses).")
    private String algorithm = "SHA1";

    @Option(names = {"-d", "--digits"}, paramLabel = "6|7|8", description = "Code length (default 6).")
    private int digits = 6;

    @Option(names = {"-p", "--period"}, paramLabel = "SECONDS", description = "TOTP period (default 30).")
    private int period = 30;

    @Option(names = {"-c", "--counter"}, paramLabel = "N", description = "HOTP initial counter (default 0).")
    private long counter;

    @Option(names = {"-t", "--touch"}, description = "Require a touch of the key for every code.")
    private boolean touch;

    @Option(names = {"-f", "--force"}, description = "Overwrite a credential of the same name.")
    private boolean force;

    @Override
    public Integer call() {
        KeyAccess access = ykmfa.keyAccess();
        char[] typed = null;
        try (KeyAccess.OpenKey key = access.openUnlocked()) {
            String given = secretParts.isEmpty() ? null : String.join("", secretParts);
            if (given == null) {
                typed = access.interaction().promptSecret("Secret (Base32) for " + name + ": ")
                        .orElseThrow(() -> new UsageException("SECRET is missing and there is no terminal to ask for"
                                + " it: give it as the second argument"));
                given = new String(typed);
            }
            CredentialData data = credential(given);
            String formatted = data.id().formatted();
            data.id().toBytes(); // refuses ids over 64 bytes with a clear message, before touching the key
            boolean exists = key.session().list().stream().anyMatch(c -> c.id().formatted().equals(formatted));
            if (exists && !force) {
                throw new CliException("the key already holds a credential named '" + formatted + "': pass --force "
                        + "to overwrite it, or `ykmfa delete " + formatted + "` first");
            }
            key.session().put(data);
            out().println((exists ? "Replaced '" : "Added '") + data.id().displayName() + "' (" + describe(data)
                    + ") on '" + key.readerName() + "'");
        } finally {
            if (typed != null) {
                Arrays.fill(typed, '\0');
            }
        }
        return ExitCodes.OK;
    }

    private CredentialData credential(String given) {
        String trimmed = given.trim();
        if (trimmed.startsWith("otpauth://")) {
            OtpAuthUri uri;
            try {
                uri = OtpAuthUri.parse(trimmed);
            } catch (IllegalArgumentException e) {
                throw new UsageException("SECRET is an otpauth:// URI that cannot be used: " + e.getMessage(), e);
            }
            CredentialData fromUri = CredentialData.fromUri(uri);
            CredentialId id = CredentialId.of(issuer != null ? issuer : uri.issuer(), name, fromUri.id().type(),
                    uri.period());
            return CredentialData.builder(id, uri.secret()).algorithm(uri.algorithm()).digits(uri.digits())
                    .counter(uri.counter()).touch(touch).build();
        }
        byte[] seed;
        try {
            seed = Base32.decode(trimmed);
        } catch (IllegalArgumentException e) {
            throw new UsageException("SECRET is not valid Base32 (letters A-Z and digits 2-7, optional '=' padding; "
                    + "spaces and hyphens are ignored): check that it was copied whole");
        }
        if (oathType == OathType.TOTP && period <= 0) {
            throw new UsageException("--period must be a positive number of seconds (30 unless the service says "
                    + "otherwise), not " + period);
        }
        CredentialId id = CredentialId.of(issuer, name, oathType, period);
        try {
            return CredentialData.builder(id, seed).algorithm(HashAlgorithm.parse(algorithm)).digits(digits)
                    .counter(counter).touch(touch).build();
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    private static String describe(CredentialData data) {
        StringBuilder s = new StringBuilder().append(data.id().type()).append(", ").append(data.algorithm())
                .append(", ").append(data.digits()).append(" digits");
        if (data.id().type() == OathType.TOTP) {
            s.append(", ").append(data.id().period()).append(" s period");
        }
        if (data.touch()) {
            s.append(", touch required");
        }
        return s.toString();
    }
}
