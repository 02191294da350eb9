package org.sixsa4j.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import picocli.CommandLine;

/** Runs the {@code sixsa} command line in-process and captures what it prints. */
final class Cli {
    private Cli() {
    }

    /** The exit status and the text printed on stdout and stderr. */
    record Result(List<String> args, int status, String out, String err) {
        /** The lines of stderr. */
        List<String> errLines() {
            return err.lines().toList();
        }

        /** For assertion messages: the whole exchange. */
        String transcript() {
            return "sixsa " + String.join(" ", args) + "\n-> status " + status + "\n--- stdout:\n" + out + "--- stderr:\n" + err;
        }
    }

    /** {@code sixsa ARGS} with a fresh command line, as {@link Main#run} would run it. */
    static Result run(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int status = cl.execute(args);
        return new Result(List.of(args), status, out.toString(), err.toString());
    }
}
