package dev.ykmfa.protocol.ykoath;

import dev.ykmfa.protocol.transport.ApduTransport;
import java.io.ByteArrayOutputStream;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * A session with the OATH application of a YubiKey (or anything speaking YKOATH, {@code spec/ykoath.md}) over an
 * {@link ApduTransport}. It sequences the command values of this package, reassembles chained responses
 * ({@code 61xx} + SEND REMAINING, §2) transparently, and turns status words into typed {@link OathException}s
 * whose message says what to do.
 *
 * <pre>{@code
 * try (OathSession oath = OathSession.open(PcscTransport.open("Yubico YubiKey"))) {
 *     if (oath.isLocked()) {
 *         oath.validate(password);                       // char[]; wrong password -> WrongPasswordException
 *     }
 *     CredentialId id = CredentialId.totp("Amazon Web Services", "arn:aws:iam::123456789012:mfa/alice");
 *     oath.put(CredentialData.builder(id, Base32.decode(base32Seed)).build());
 *     Code code = oath.calculate(id, Instant.now());
 *     System.out.println(code.value() + " valid until " + code.validUntil());
 * }
 * }</pre>
 *
 * <p>Not thread-safe: one session drives one card conversation. {@link #close()} closes the transport.
 */
public final class OathSession implements AutoCloseable {

    /** Far above any real answer (64 credentials of 64-byte ids with 64-byte HMACs stay under 10 KiB). */
    private static final int MAX_RESPONSE_LENGTH = 64 * 1024;

    private final ApduTransport transport;
    private final RandomGenerator random;
    private OathSelectInfo info;
    private boolean passwordSet;
    private boolean authenticated;

    private OathSession(ApduTransport transport, RandomGenerator random) {
        this.transport = transport;
        this.random = random;
    }

    /**
     * Selects the OATH application and starts a session.
     *
     * @param transport the link to the card; closed by {@link #close()}
     * @return the session
     * @throws ApplicationNotAvailableException when the card has no OATH application
     */
    public static OathSession open(ApduTransport transport) {
        return open(transport, new SecureRandom());
    }

    /**
     * Like {@link #open(ApduTransport)}, with the source of the host's challenges (VALIDATE, SET CODE) given:
     * use a {@link SecureRandom} in production; tests pass a fixed sequence to reproduce recorded transcripts.
     *
     * @param transport the link to the card
     * @param challenges where host challenges come from
     * @return the session
     */
    public static OathSession open(ApduTransport transport, RandomGenerator challenges) {
        OathSession s = new OathSession(Objects.requireNonNull(transport, "transport"),
                Objects.requireNonNull(challenges, "challenges"));
        s.select();
        return s;
    }

    private void select() {
        ResponseApdu r = ResponseApdu.parse(transport.transmit(SelectCommand.INSTANCE.toApdu()));
        int sw = r.statusWord();
        if (sw != OathConstants.SW_SUCCESS) {
            if (sw == OathConstants.SW_FILE_NOT_FOUND || sw == OathConstants.SW_INS_NOT_SUPPORTED
                    || sw == OathConstants.SW_WRONG_P1P2 || sw == OathConstants.SW_APPLET_SELECT_FAILED) {
                throw new ApplicationNotAvailableException("the card has no OATH application: use a YubiKey (NEO, 4"
                        + " or 5) with OATH enabled, or choose another reader", sw);
            }
            throw new OathException("selecting the OATH application failed: remove and re-insert the key, then retry",
                    sw);
        }
        info = OathSelectInfo.parse(r.data());
        passwordSet = info.passwordProtected();
        authenticated = false;
    }

    /** @return the answer of the latest SELECT (version, salt, device id, password flag) */
    public OathSelectInfo info() {
        return info;
    }

    /** @return whether a password is set and this session has not been unlocked with {@link #validate(char[])} */
    public boolean isLocked() {
        return passwordSet && !authenticated;
    }

    /**
     * Unlocks a password-protected applet: derives the access key from the password and the salt (PBKDF2), answers
     * the SELECT challenge, and checks the card's answer to a fresh host challenge. Does nothing when the applet has
     * no password (like ykman).
     *
     * @param password the password (not modified; clear it yourself)
     * @throws WrongPasswordException when the card refuses the password
     * @throws CardVerificationException when the card's own answer does not verify
     */
    public void validate(char[] password) {
        if (!passwordSet) {
            return;
        }
        byte[] key = OathPassword.deriveKey(password, info.salt());
        try {
            validateKey(key);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /**
     * Unlocks with an access key already derived (e.g. remembered from {@link OathPassword#deriveKey}).
     *
     * @param accessKey the access key
     * @throws WrongPasswordException when the card refuses the key
     * @throws CardVerificationException when the card's own answer does not verify
     */
    public void validateKey(byte[] accessKey) {
        Objects.requireNonNull(accessKey, "accessKey");
        if (!passwordSet) {
            return;
        }
        byte[] hostChallenge = newChallenge();
        ValidateCommand command = ValidateCommand.answering(accessKey, info.challenge(), hostChallenge);
        byte[] data;
        try {
            data = send(command);
        } catch (WrongDataException e) {
            throw new WrongPasswordException("the OATH password is wrong: the key refused it; check it and try again"
                    + " (after a RESET the applet has no password)", e.statusWord());
        } catch (NoSuchCredentialException e) {
            passwordSet = false;
            throw new OathException("the OATH applet has no password set, so there is nothing to unlock", e.statusWord());
        }
        if (!OathPassword.verify(accessKey, hostChallenge, ValidateResponse.parse(data))) {
            throw new CardVerificationException("the key's answer to VALIDATE does not match the password: it is not"
                    + " the device that holds this password, or the link is compromised; do not trust its codes",
                    OathConstants.SW_SUCCESS);
        }
        authenticated = true;
    }

    /**
     * @return every credential on the key, in the card's order
     */
    public List<Credential> list() {
        return ListResponse.parse(send(ListCommand.INSTANCE));
    }

    /**
     * Computes one code. TOTP: the challenge is the time step of {@code time} for the id's period. HOTP: the card
     * uses and advances its counter; {@code time} only dates the code.
     *
     * @param id the credential (its type and period matter)
     * @param time the time the code is for
     * @return the code and its validity interval
     * @throws NoSuchCredentialException when the key has no such credential
     * @throws TouchRequiredException when the credential needs a touch and none came
     */
    public Code calculate(CredentialId id, Instant time) {
        Objects.requireNonNull(time, "time");
        if (id.type() == OathType.HOTP) {
            CalculateResponse r = CalculateResponse.parse(sendCalculate(new CalculateCommand(id, new byte[0], true), id));
            return new Code(r.code(), time, Instant.MAX);
        }
        long step = Math.floorDiv(time.getEpochSecond(), (long) id.period());
        CalculateResponse r = CalculateResponse.parse(
                sendCalculate(new CalculateCommand(id, CalculateCommand.timeStepChallenge(step), true), id));
        return totpCode(r, step, id.period());
    }

    /**
     * Computes HMAC(credential key, challenge) on the card (CALCULATE with P2 = 00), e.g. for Steam codes or as a
     * generic keyed hash.
     *
     * @param id the credential
     * @param challenge the challenge, 1–64 bytes for TOTP credentials
     * @return the full HMAC (20, 32 or 64 bytes)
     */
    public byte[] calculateFull(CredentialId id, byte[] challenge) {
        CalculateResponse r = CalculateResponse.parse(sendCalculate(new CalculateCommand(id, challenge, false), id));
        return r.value();
    }

    /**
     * Computes the codes of every TOTP credential at once (CALCULATE ALL with the 30 s step), then, like ykman,
     * recomputes each computed credential whose period is not 30 s with its own CALCULATE. HOTP and touch credentials
     * come back without a code.
     *
     * @param time the time the codes are for
     * @return one entry per credential, in the card's order
     */
    public List<CalculateAllEntry> calculateAll(Instant time) {
        long step30 = Math.floorDiv(time.getEpochSecond(), (long) OathConstants.DEFAULT_PERIOD);
        List<CalculateAllResponse.Item> items = CalculateAllResponse.parse(
                send(new CalculateAllCommand(CalculateCommand.timeStepChallenge(step30), true)));
        List<CalculateAllEntry> out = new ArrayList<>(items.size());
        for (CalculateAllResponse.Item item : items) {
            CredentialId id = item.id();
            Code code = null;
            if (item.response().isPresent()) {
                code = id.period() == OathConstants.DEFAULT_PERIOD
                        ? totpCode(item.response().get(), step30, OathConstants.DEFAULT_PERIOD)
                        : calculate(id, time);
            }
            out.add(new CalculateAllEntry(id, code, item.touchRequired()));
        }
        return out;
    }

    /**
     * Adds a credential, or overwrites one with the same id.
     *
     * @param data what to program
     * @throws NoSpaceException when the key is full
     * @throws WrongDataException when the key refuses the data (e.g. SHA512 on old firmware)
     */
    public void put(CredentialData data) {
        send(new PutCommand(data));
    }

    /**
     * @param id the credential to delete
     * @throws NoSuchCredentialException when the key has no such credential
     */
    public void delete(CredentialId id) {
        send(new DeleteCommand(id));
    }

    /**
     * Renames a credential (firmware 5.3.0 or later).
     *
     * @param from the current id
     * @param to the new id
     * @throws FeatureNotSupportedException on older firmware (nothing is sent)
     * @throws NoSuchCredentialException when {@code from} does not exist
     */
    public void rename(CredentialId from, CredentialId to) {
        if (!info.isAtLeast(OathConstants.RENAME_MIN_VERSION)) {
            throw new FeatureNotSupportedException("renaming needs YubiKey firmware 5.3.0 or later, this key reports "
                    + info.version() + ": delete the credential and put it again under the new name",
                    OathException.NO_STATUS_WORD);
        }
        send(new RenameCommand(from, to));
    }

    /**
     * Sets or changes the password: derives the access key over the current salt and programs it (SET CODE). The
     * session stays unlocked afterwards.
     *
     * @param password the new password, not empty (not modified; clear it yourself)
     * @throws AuthenticationRequiredException when a password is set and the session is locked
     */
    public void setPassword(char[] password) {
        byte[] key = OathPassword.deriveKey(password, info.salt());
        try {
            setAccessKey(key);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /**
     * Programs an access key directly (SET CODE).
     *
     * @param accessKey the key, normally 16 bytes from {@link OathPassword#deriveKey}
     */
    public void setAccessKey(byte[] accessKey) {
        send(SetCodeCommand.set(accessKey, newChallenge()));
        passwordSet = true;
        authenticated = true;
        if (info.major() < NEO_APPLET_MAJOR_LIMIT) {
            // NEO-era applets lock the session after SET CODE (spec §4.3): re-select and unlock like ykman 5.x.
            select();
            validateKey(accessKey);
        }
    }

    private static final int NEO_APPLET_MAJOR_LIMIT = 3;

    /**
     * Removes the password (SET CODE with an empty key).
     *
     * @throws AuthenticationRequiredException when the session is locked
     */
    public void unsetPassword() {
        send(SetCodeCommand.remove());
        passwordSet = false;
        authenticated = false;
    }

    /** Wipes every credential and the password (RESET), then selects again: the salt and device id change. */
    public void reset() {
        send(ResetCommand.INSTANCE);
        select();
    }

    /** Closes the transport. */
    @Override
    public void close() {
        transport.close();
    }

    private Code totpCode(CalculateResponse r, long step, int period) {
        Instant from = Instant.ofEpochSecond(step * period);
        return new Code(r.code(), from, from.plusSeconds(period));
    }

    private byte[] sendCalculate(CalculateCommand command, CredentialId id) {
        try {
            return send(command);
        } catch (AuthenticationRequiredException e) {
            throw e;
        } catch (OathException e) {
            if (e.statusWord() == OathConstants.SW_SECURITY_STATUS_NOT_SATISFIED) {
                throw new TouchRequiredException("the key did not compute " + id.displayName() + ": it requires a"
                        + " touch and none came in time; touch the key when it blinks and try again", e.statusWord());
            }
            if (e instanceof NoSuchCredentialException) {
                throw new NoSuchCredentialException("the key has no credential '" + id.formatted() + "': list the"
                        + " credentials to see their exact ids", e.statusWord());
            }
            throw e;
        }
    }

    private byte[] newChallenge() {
        byte[] c = new byte[OathConstants.CHALLENGE_LENGTH];
        random.nextBytes(c);
        return c;
    }

    /**
     * Sends a command, follows {@code 61xx} with SEND REMAINING until the card says {@code 9000}, and maps any other
     * status word to an exception.
     */
    private byte[] send(OathCommand command) {
        ResponseApdu r = ResponseApdu.parse(transport.transmit(command.toApdu()));
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        data.writeBytes(r.data());
        while (r.sw1() == OathConstants.SW1_MORE_DATA) {
            if (data.size() > MAX_RESPONSE_LENGTH) {
                throw new MalformedResponseException(command.name() + " keeps answering 61xx after "
                        + data.size() + " bytes: the card's response chaining is broken; re-insert the key",
                        r.statusWord());
            }
            r = ResponseApdu.parse(transport.transmit(SendRemainingCommand.INSTANCE.toApdu()));
            data.writeBytes(r.data());
        }
        if (r.statusWord() != OathConstants.SW_SUCCESS) {
            throw failure(command, r.statusWord());
        }
        return data.toByteArray();
    }

    private OathException failure(OathCommand command, int sw) {
        String op = command.name();
        switch (sw) {
            case OathConstants.SW_SECURITY_STATUS_NOT_SATISFIED:
                if (isLocked()) {
                    return new AuthenticationRequiredException("the OATH applet is password protected: unlock it with"
                            + " validate(password) before " + op, sw);
                }
                return new OathException(op + " was refused (security status not satisfied): the session may have"
                        + " lost its unlock; open a new session and validate again", sw);
            case OathConstants.SW_NO_SUCH_OBJECT:
                return new NoSuchCredentialException(op + " found no such credential on the key: list the credentials"
                        + " to see their exact ids", sw);
            case OathConstants.SW_NO_SPACE:
            case OathConstants.SW_COMMAND_ABORTED:
                if (command instanceof PutCommand) {
                    return new NoSpaceException("no space left on the key for another OATH credential: delete one"
                            + " first", sw);
                }
                return new OathException(op + " was aborted by the key: retry, and re-insert the key if it persists",
                        sw);
            case OathConstants.SW_WRONG_DATA:
                return new WrongDataException(op + " was refused because the key rejected its data (bad id, key"
                        + " length, type or algorithm for this firmware): check the credential's parameters", sw);
            case OathConstants.SW_CONDITIONS_NOT_SATISFIED:
                return new OathException(op + " is not allowed on this key in its current state (e.g. a FIPS key"
                        + " refuses to remove its password)", sw);
            case OathConstants.SW_GENERIC_ERROR:
                return new OathException(op + " failed with a generic card error: retry; if it persists, a credential"
                        + " may be corrupt (ykman can repair it)", sw);
            default:
                return new OathException(op + " failed with an unexpected status word: retry, and re-insert the key"
                        + " if it persists", sw);
        }
    }

    @Override
    public String toString() {
        return "OathSession[" + info + (isLocked() ? ", locked" : "") + "]";
    }

}
