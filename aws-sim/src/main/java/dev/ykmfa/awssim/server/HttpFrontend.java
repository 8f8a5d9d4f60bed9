package dev.ykmfa.awssim.server;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.ykmfa.awssim.FaultInjection;
import dev.ykmfa.awssim.sigv4.SigV4;
import dev.ykmfa.awssim.sigv4.SigV4Credential;
import dev.ykmfa.awssim.sigv4.SigV4Exception;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The one HTTP endpoint: parses the Query-protocol request, injects configured faults, verifies SigV4, routes by
 * the credential scope's service (IAM, STS, EC2) and writes the XML answer or the service's error shape
 * (spec §1.2, §1.3, EC2 section). Secrets are never logged.
 */
public final class HttpFrontend implements HttpHandler {
    private static final System.Logger LOG = System.getLogger("dev.ykmfa.awssim");
    private static final char FIRST_PRINTABLE = ' ';
    private static final char DELETE = '\u007f';
    private static final char REPLACEMENT = '?';
    private static final String MSG_MFA_INTERNAL = "We encountered an internal error. It is reported with a 4xx"
            + " status so that clients do not retry a request whose one-time code may already be consumed.";

    private final Authenticator authenticator;
    private final QueryService iam;
    private final QueryService sts;
    private final QueryService ec2;
    private final FaultInjection faults;

    /**
     * @param authenticator SigV4 verification
     * @param iam IAM
     * @param sts STS
     * @param ec2 EC2
     * @param faults fault injection
     */
    public HttpFrontend(Authenticator authenticator, QueryService iam, QueryService sts, QueryService ec2,
                        FaultInjection faults) {
        this.authenticator = authenticator;
        this.iam = iam;
        this.sts = sts;
        this.ec2 = ec2;
        this.faults = faults;
    }

    /** Thrown to make the HTTP server drop the connection (fault injection). */
    private static final class DropConnection extends RuntimeException {
        DropConnection() {
            super("connection reset injected", null, false, false);
        }
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        String requestId = requestId();
        String service = AwsConstants.IAM;
        String action = null;
        Params params = null;
        try {
            byte[] body;
            try (InputStream in = ex.getRequestBody()) {
                body = in.readAllBytes();
            }
            String method = ex.getRequestMethod();
            String rawQuery = ex.getRequestURI().getRawQuery();
            params = Params.parse(rawQuery, "POST".equals(method) ? body : new byte[0]);
            action = params.get("Action");
            Headers headers = ex.getRequestHeaders();
            String auth = headers.getFirst("Authorization");
            SigV4Credential cred = null;
            if (auth != null) {
                try {
                    cred = SigV4.parse(auth);
                } catch (SigV4Exception e) {
                    service = guessService(action);
                    throw new AwsException(AwsConstants.INCOMPLETE_SIGNATURE, 400, e.getMessage());
                }
                service = cred.service();
            } else {
                service = guessService(action);
            }
            FaultInjection.Kind fault = faults.apply(action);
            if (fault != null) {
                throw injected(fault, service);
            }
            QueryService target = route(service);
            if (cred == null) {
                throw new AwsException(AwsConstants.MISSING_AUTHENTICATION_TOKEN, 403, AwsConstants.MSG_MISSING_AUTH);
            }
            if (target == null) {
                service = guessService(action);
                throw new AwsException(AwsConstants.INVALID_ACTION, 400, "This endpoint serves iam, sts and ec2;"
                        + " the request was signed for service '" + cred.service() + "'.");
            }
            Caller caller = authenticator.authenticate(cred, method, ex.getRequestURI().getRawPath(), rawQuery,
                    name -> headers.get(name), body);
            if (action == null) {
                throw new AwsException("MissingAction", 400, "Missing Action");
            }
            if (!target.supports(action)) {
                throw new AwsException(AwsConstants.INVALID_ACTION, 400, service.equals(AwsConstants.EC2)
                        ? "The action " + action + " is not valid for this web service."
                        : "Could not find operation " + action + " for version "
                          + (service.equals(AwsConstants.STS) ? AwsConstants.STS_VERSION : AwsConstants.IAM_VERSION));
            }
            InetSocketAddress remote = ex.getRemoteAddress();
            String ip = remote == null || remote.getAddress() == null ? null : remote.getAddress().getHostAddress();
            String xml = target.handle(new Request(action, params, caller, requestId, ip));
            send(ex, 200, xml, requestId);
            String svc = service;
            String act = action;
            LOG.log(System.Logger.Level.DEBUG, () -> cred(svc) + " " + ex.getRequestMethod() + " " + printable(act)
                    + " 200 " + caller.arn());
        } catch (AwsException e) {
            String svc = service;
            String act = action;
            LOG.log(System.Logger.Level.DEBUG, () -> cred(svc) + " " + printable(act) + " " + e.status() + " "
                    + e.code());
            send(ex, status(service, e), errorXml(service, e, requestId), requestId);
        } catch (DropConnection e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "internal error in " + printable(action), e);
            // An SDK retries 5xx with the same body: never do that to a request carrying a one-time code.
            boolean carriesCode = params != null && (params.get("TokenCode") != null
                    || params.get("AuthenticationCode1") != null);
            AwsException fail = carriesCode
                    ? new AwsException(AwsConstants.INTERNAL_FAILURE, 400, MSG_MFA_INTERNAL)
                    : new AwsException(AwsConstants.SERVICE_FAILURE, 500, AwsConstants.MSG_SERVICE_FAILURE);
            send(ex, fail.status(), errorXml(service, fail, requestId), requestId);
        }
    }

    /**
     * A client-supplied value made safe for a log line: control characters (which could forge or split log
     * entries) and DEL become {@code ?}.
     *
     * @param raw the value as received (may be null)
     * @return the value without control characters, or "null"
     */
    static String printable(String raw) {
        if (raw == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            out.append(c < FIRST_PRINTABLE || c == DELETE ? REPLACEMENT : c);
        }
        return out.toString();
    }

    private static String cred(String service) {
        return service == null ? "?" : service.toUpperCase(java.util.Locale.ROOT);
    }

    private QueryService route(String service) {
        switch (service) {
            case AwsConstants.IAM: return iam;
            case AwsConstants.STS: return sts;
            case AwsConstants.EC2: return ec2;
            default: return null;
        }
    }

    private String guessService(String action) {
        if (action != null && sts.supports(action)) {
            return AwsConstants.STS;
        }
        if (action != null && ec2.supports(action)) {
            return AwsConstants.EC2;
        }
        return AwsConstants.IAM;
    }

    private static RuntimeException injected(FaultInjection.Kind fault, String service) {
        boolean isEc2 = AwsConstants.EC2.equals(service);
        switch (fault) {
            case THROTTLE:
                return isEc2 ? new AwsException("RequestLimitExceeded", 503, "Request limit exceeded.")
                        : new AwsException(AwsConstants.THROTTLING, 400, AwsConstants.MSG_THROTTLING);
            case SERVER_ERROR:
                if (isEc2) {
                    return new AwsException("InternalError", 500, "An internal error has occurred");
                }
                return AwsConstants.STS.equals(service)
                        ? new AwsException(AwsConstants.INTERNAL_FAILURE, 500, AwsConstants.MSG_SERVICE_FAILURE)
                        : new AwsException(AwsConstants.SERVICE_FAILURE, 500, AwsConstants.MSG_SERVICE_FAILURE);
            case CONNECTION_RESET:
                return new DropConnection();
            default:
                throw new IllegalStateException("latency is not a failure");
        }
    }

    /**
     * @param service iam, sts or ec2
     * @param e the error
     * @param requestId request id
     * @return the error document in that service's shape
     */
    static String errorXml(String service, AwsException e, String requestId) {
        if (AwsConstants.EC2.equals(service)) {
            AwsException m = ec2Auth(e);
            return new Xml().open("Response").open("Errors").open("Error").leaf("Code", m.code())
                    .leaf("Message", m.getMessage()).close("Error").close("Errors").leaf("RequestID", requestId)
                    .close("Response").toString();
        }
        String ns = AwsConstants.STS.equals(service) ? AwsConstants.STS_NAMESPACE : AwsConstants.IAM_NAMESPACE;
        return new Xml().open("ErrorResponse", ns).open("Error").leaf("Type", e.type()).leaf("Code", e.code())
                .leaf("Message", e.getMessage()).close("Error").leaf("RequestId", requestId)
                .close("ErrorResponse").toString();
    }

    /** EC2 words credential failures its own way. */
    private static AwsException ec2Auth(AwsException e) {
        switch (e.code()) {
            case AwsConstants.INVALID_CLIENT_TOKEN_ID:
                return new AwsException(AwsConstants.EC2_AUTH_FAILURE, 401, AwsConstants.MSG_EC2_AUTH_FAILURE);
            case AwsConstants.EXPIRED_TOKEN:
                return new AwsException(AwsConstants.EC2_REQUEST_EXPIRED, 400, AwsConstants.MSG_EC2_REQUEST_EXPIRED);
            default:
                return e;
        }
    }

    private static void send(HttpExchange ex, int status, String body, String requestId) throws IOException {
        int actualStatus = status;
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        Headers h = ex.getResponseHeaders();
        h.set("Content-Type", "text/xml");
        h.set("x-amzn-RequestId", requestId);
        h.set("Date", DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)));
        ex.sendResponseHeaders(actualStatus, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    /**
     * Maps an error before it is written, so EC2's status for auth failures is used.
     *
     * @param service the service
     * @param e the error
     * @return the HTTP status to answer
     */
    static int status(String service, AwsException e) {
        return AwsConstants.EC2.equals(service) ? ec2Auth(e).status() : e.status();
    }

    private static String requestId() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long hi = (r.nextLong() & ~0xF000L) | 0x4000L;
        long lo = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(hi, lo).toString();
    }
}
