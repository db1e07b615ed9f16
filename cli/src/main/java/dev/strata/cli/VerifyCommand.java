package dev.strata.cli;

import dev.strata.io.Json;
import dev.strata.forward.verify.OperatorVerification;
import dev.strata.forward.verify.VerificationResult;
import dev.strata.forward.verify.Verifier;
import dev.strata.kernels.ComputeBackend;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code strata verify}: proves each forward operator's derivatives on this machine and backend. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Check every forward operator on small grids: dot-product (adjoint) test, Taylor test of the "
                + "gradient, and physics checks. Exits 1 if any check fails, so a new device or driver can be vetted.")
final class VerifyCommand implements Callable<Integer> {

    @Mixin
    BackendOption backend;

    @Option(names = "--json", description = "One JSON object per operator.")
    boolean json;

    @Option(names = "--operator", paramLabel = "NAME", description = "Only operators whose name starts with this.")
    String only;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        boolean allOk = true;
        int ran = 0;
        try (ComputeBackend b = backend.open()) {
            for (OperatorVerification v : Verifier.all()) {
                if (only != null && !v.name().startsWith(only)) {
                    continue;
                }
                VerificationResult r = Verifier.run(v, b);
                ran++;
                allOk &= r.ok();
                out.println(json ? Json.object(row(r)) : text(r));
                out.flush();
            }
        }
        if (ran == 0) {
            throw new UserInputException("no operator matches --operator " + only + "; leave it out to run them all");
        }
        return allOk ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
    }

    private static Map<String, Object> row(VerificationResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("operator", r.operator());
        m.put("backend", r.backend());
        m.put("dotRelErr", r.dotRelErr());
        m.put("taylorOrder", r.taylorOrder());
        m.put("ok", r.ok());
        for (OperatorVerification.PhysicsCheck c : r.physics()) {
            m.put(c.name(), c.value());
        }
        m.put("seconds", r.seconds());
        return m;
    }

    private static String text(VerificationResult r) {
        StringBuilder sb = new StringBuilder(String.format("%-26s %-12s dot %.1e  taylor %s  %s", r.operator(),
                r.backend(), r.dotRelErr(), Double.isNaN(r.taylorOrder()) ? "linear" : String.format("%.3f", r.taylorOrder()),
                r.ok() ? "ok" : "FAILED"));
        for (OperatorVerification.PhysicsCheck c : r.physics()) {
            sb.append(String.format("%n    %s = %.3g (limit %.3g) %s", c.name(), c.value(), c.limit(), c.ok() ? "ok" : "FAILED"));
        }
        return sb.toString();
    }
}
