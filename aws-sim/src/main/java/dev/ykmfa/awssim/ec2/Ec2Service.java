package dev.ykmfa.awssim.ec2;

import dev.ykmfa.awssim.policy.Decision;
import dev.ykmfa.awssim.policy.RequestContext;
import dev.ykmfa.awssim.server.AwsConstants;
import dev.ykmfa.awssim.server.AwsException;
import dev.ykmfa.awssim.server.Authorizer;
import dev.ykmfa.awssim.server.QueryService;
import dev.ykmfa.awssim.server.Request;
import dev.ykmfa.awssim.server.Xml;
import java.util.List;

/**
 * EC2 (Query protocol, API 2016-11-15): DescribeInstances with an empty reservation set, authorized by
 * {@code ec2:DescribeInstances} on {@code *}; denial is EC2's {@code UnauthorizedOperation}.
 */
public final class Ec2Service implements QueryService {
    private static final List<String> ACTIONS = List.of("DescribeInstances");

    private final Authorizer authorizer;

    /**
     * @param authorizer policy checks
     */
    public Ec2Service(Authorizer authorizer) {
        this.authorizer = authorizer;
    }

    @Override
    public boolean supports(String action) {
        return ACTIONS.contains(action);
    }

    @Override
    public String handle(Request r) {
        if (!"DescribeInstances".equals(r.action())) {
            throw new AwsException(AwsConstants.EC2_INVALID_ACTION, 400,
                    "The action " + r.action() + " is not valid for this web service.");
        }
        RequestContext ctx = authorizer.context(r.caller(), "ec2:DescribeInstances", "*", r.sourceIp());
        if (authorizer.identityDecision(r.caller(), ctx) != Decision.ALLOW) {
            throw new AwsException(AwsConstants.EC2_UNAUTHORIZED, 403, AwsConstants.MSG_EC2_UNAUTHORIZED);
        }
        return new Xml().open("DescribeInstancesResponse", AwsConstants.EC2_NAMESPACE)
                .leaf("requestId", r.requestId()).empty("reservationSet").close("DescribeInstancesResponse")
                .toString();
    }
}
