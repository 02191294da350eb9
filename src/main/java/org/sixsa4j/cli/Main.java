package org.sixsa4j.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Properties;
import org.sixsa4j.InvalidInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code sixsa} command line. Subcommands do the work; this class wires them up and turns
 * errors a user can fix into one line on stderr and exit status 2.
 */
@Command(name = "sixsa", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Simulation-based inference for X-ray spectra.",
        subcommands = {ApplyCommand.class, DemoCommand.class, InfoCommand.class, FitCommand.class, InstrumentCommand.class, ModelCommand.class, RunCommand.class, SampleCommand.class, SimulateCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    /** Exit status for input a user can correct: bad files, options or configuration. */
    public static final int EXIT_BAD_INPUT = 2;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "Print stack traces with error messages.")
    private boolean debug;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit status, without calling {@link System#exit}. */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** The configured picocli command line (for tests that capture its output). */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler(Main::handle);
        cl.setParameterExceptionHandler(Main::usageError);
        return cl;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    private static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        boolean debug = parsed.hasMatchedOption("--debug")
                || parsed.subcommands().stream().anyMatch(p -> p.hasMatchedOption("--debug"));
        PrintWriter err = cl.getErr();
        if (e instanceof InvalidInputException) {
            err.println("sixsa: " + e.getMessage());
            if (debug) {
                e.printStackTrace(err);
            }
            err.flush();
            return EXIT_BAD_INPUT;
        }
        err.println("sixsa: internal error: " + e + (debug ? "" : " (run with --debug for the stack trace)"));
        if (debug) {
            e.printStackTrace(err);
        }
        err.flush();
        return 1;
    }

    /**
     * A picocli usage error (unknown option, missing or malformed value) as one line on stderr,
     * like every other input error; picocli's default would print the whole usage text after it.
     */
    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        StringBuilder line = new StringBuilder("sixsa: ")
                .append(String.valueOf(e.getMessage()).replaceFirst("^Error: ", "").replaceAll("\\s+", " ").trim());
        if (e instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
            line.append(" (did you mean ").append(String.join(" or ", u.getSuggestions())).append("?)");
        }
        line.append("; see '").append(cl.getCommandSpec().qualifiedName()).append(" --help'");
        PrintWriter err = cl.getErr();
        err.println(line);
        err.flush();
        return EXIT_BAD_INPUT;
    }

    /** Reads the version Maven wrote into {@code version.properties}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties p = new Properties();
            try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            }
            return new String[] {"sixsa4j " + p.getProperty("version", "unknown"),
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
        }
    }
}
