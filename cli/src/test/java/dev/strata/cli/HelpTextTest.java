package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class HelpTextTest {
    /** picocli formats descriptions with String.format: a bare "5 % noise" becomes a warning and raw text. */
    @Test
    void everyCommandsHelpFormatsWithoutWarnings() {
        Map<String, CommandLine> commands = StrataCommand.commandLine().getSubcommands();
        assertTrue(commands.size() >= 8, "subcommands: " + commands.keySet());
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            commands.forEach((name, cmd) -> {
                String usage = cmd.getUsageMessage(CommandLine.Help.Ansi.OFF);
                assertTrue(usage.contains("Usage: strata " + name), usage);
            });
        } finally {
            System.setErr(err);
        }
        assertEquals("", captured.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aStrayPercentSignIsCaughtByTheCheck() {
        CommandLine bad = new CommandLine(CommandLine.Model.CommandSpec.create().name("bad")
                .addOption(CommandLine.Model.OptionSpec.builder("--x").description("with 5 % noise").build()));
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            bad.getUsageMessage(CommandLine.Help.Ansi.OFF);
        } finally {
            System.setErr(err);
        }
        assertFalse(captured.toString(StandardCharsets.UTF_8).isEmpty(), "picocli no longer warns on a stray %");
    }
}
