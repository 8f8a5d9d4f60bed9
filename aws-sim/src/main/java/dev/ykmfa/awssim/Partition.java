package dev.ykmfa.awssim;

/** The AWS partition the simulator pretends to be; it only changes the ARNs it issues ({@code arn:<id>:…}). */
public enum Partition {
    /** Commercial regions: {@code arn:aws:…}. */
    AWS("aws"),
    /** China: {@code arn:aws-cn:…}. */
    AWS_CN("aws-cn"),
    /** GovCloud (US): {@code arn:aws-us-gov:…}. */
    AWS_US_GOV("aws-us-gov");

    private final String id;

    Partition(String id) {
        this.id = id;
    }

    /** @return the partition id as it appears in ARNs */
    public String id() {
        return id;
    }

    /**
     * @param id {@code aws}, {@code aws-cn} or {@code aws-us-gov}
     * @return the partition
     * @throws IllegalArgumentException naming the accepted values
     */
    public static Partition of(String id) {
        for (Partition p : values()) {
            if (p.id.equals(id)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown partition '" + id + "': use aws, aws-cn or aws-us-gov");
    }
}
