package dev.ykmfa.awssim.server;

/** One AWS service behind the endpoint (IAM, STS, EC2): turns a request into a response body. */
public interface QueryService {
    /**
     * @param request the authenticated request
     * @return the XML response body
     * @throws AwsException for AWS error answers
     */
    String handle(Request request);

    /**
     * @param action an Action value
     * @return whether this service implements it
     */
    boolean supports(String action);
}
