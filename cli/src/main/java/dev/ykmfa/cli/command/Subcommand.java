package dev.ykmfa.cli.command;

import dev.ykmfa.cli.CliContext;
import dev.ykmfa.cli.DebugLog;
import dev.ykmfa.cli.YkmfaCommand;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.ParentCommand;

/** What every subcommand shares: the top command (global options, context) and the output streams. */
abstract class Subcommand implements Callable<Integer> {
    @ParentCommand
    YkmfaCommand ykmfa;

    CliContext context() {
        return ykmfa.context();
    }

    PrintStream out() {
        return ykmfa.context().out();
    }

    PrintStream err() {
        return ykmfa.context().err();
    }

    DebugLog log() {
        return ykmfa.log();
    }
}
