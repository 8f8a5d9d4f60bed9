package dev.ykmfa.awssim.server;

/**
 * One authenticated Query-protocol request as the services see it.
 *
 * @param action the Action parameter
 * @param params all parameters
 * @param caller the authenticated caller
 * @param requestId the request id echoed in the response
 * @param sourceIp the client address
 */
public record Request(String action, Params params, Caller caller, String requestId, String sourceIp) {
}
