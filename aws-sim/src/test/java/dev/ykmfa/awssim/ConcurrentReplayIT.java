package dev.ykmfa.awssim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sts.model.StsException;

/** One code, sixteen simultaneous AssumeRole calls: exactly one wins, the rest get the invalid-code answer. */
class ConcurrentReplayIT extends FreshSimulator {

    @Test
    void sameCodeRacedFromSixteenClients_isAcceptedExactlyOnce() throws Exception {
        BlogFlow blog = new BlogFlow(sim, clock).setUp();
        String code = blog.nextCode();
        int clients = 16;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                Callable<String> call = () -> {
                    go.await();
                    try {
                        return blog.assumeWithMfa(code).credentials().accessKeyId();
                    } catch (StsException e) {
                        return e.statusCode() + " " + e.awsErrorDetails().errorMessage();
                    }
                };
                results.add(pool.submit(call));
            }
            go.countDown();
            int won = 0;
            int refused = 0;
            for (Future<String> f : results) {
                String r = f.get();
                if (r.startsWith("ASIA")) {
                    won++;
                } else if (r.equals("403 MultiFactorAuthentication failed with invalid MFA one time pass code.")) {
                    refused++;
                }
            }
            assertEquals(1, won);
            assertEquals(clients - 1, refused);
        } finally {
            pool.shutdownNow();
        }
    }
}
