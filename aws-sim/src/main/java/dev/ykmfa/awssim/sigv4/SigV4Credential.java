package dev.ykmfa.awssim.sigv4;

import java.util.List;

/**
 * The parts of an {@code Authorization: AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…} header.
 *
 * @param accessKeyId the key id
 * @param date scope date {@code yyyyMMdd}
 * @param region scope region (any string; {@code aws-global} included)
 * @param service scope service ({@code iam}, {@code sts}, {@code ec2})
 * @param signedHeaders lower-case header names as listed
 * @param signature hex signature
 */
public record SigV4Credential(String accessKeyId, String date, String region, String service,
                              List<String> signedHeaders, String signature) {

    /** @return {@code date/region/service/aws4_request} */
    public String scope() {
        return date + "/" + region + "/" + service + "/aws4_request";
    }
}
