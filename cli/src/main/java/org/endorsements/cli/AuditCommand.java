package org.endorsements.cli;

import org.endorsements.cli.audit.VerifyLogCommand;
import org.endorsements.cli.audit.VerifyReceiptCommand;
import org.endorsements.cli.audit.WatchCommand;
import picocli.CommandLine.Command;

/** The auditor's commands: they use only the public API (and, optionally, an auditor key). */
@Command(
        name = "audit",
        description = "Verifies the signature history without trusting the platform's database.",
        subcommands = {VerifyLogCommand.class, VerifyReceiptCommand.class, WatchCommand.class})
final class AuditCommand {}
