package dev.ykmfa.cli.command;

import dev.ykmfa.cli.ExitCodes;
import dev.ykmfa.cli.demo.BlogDemo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ykmfa demo}: the whole blog in-process (see {@link BlogDemo}). */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run the AWS Security Blog's YubiKey MFA walkthrough end to end in-process: a simulated "
                + "YubiKey and aws-sim (IAM, STS, EC2 with MFA enforced) sharing one clock, driven by the real AWS SDK "
                + "over HTTP. Prints every step with the equivalent ykman/aws command; secrets are masked.",
            "Needs no key, no AWS account and no network; writes only to a temporary directory (removed at the end "
                + "unless --keep)."},
        footerHeading = "%nExamples:%n",
        footer = {"  ykmfa demo", "  ykmfa demo --keep      # keep the temporary credentials files to look at"})
public final class DemoCommand extends Subcommand {
    @Option(names = "--keep", description = "Keep the temporary directory with the credentials files.")
    private boolean keep;

    @Override
    public Integer call() throws IOException {
        Path dir = Files.createTempDirectory("ykmfa-demo-");
        try {
            new BlogDemo(out(), dir, log()).run();
        } finally {
            if (keep) {
                out().println("Kept " + dir);
            } else {
                deleteTree(dir);
            }
        }
        return ExitCodes.OK;
    }

    static void deleteTree(Path dir) {
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the demo's temporary directory " + dir, e);
        }
    }
}
