import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer, type SMTPServerOptions } from "smtp-server";

// A real SMTP server on a loopback port for the mail tests (database and CLI): every message that
// arrives is parsed with mailparser and kept with its envelope recipients.

export type Arrival = { rcptTo: string[]; mail: ParsedMail };
export type SmtpReceiver = { port: number; url: string; arrivals: Arrival[]; close: () => Promise<void> };

export async function startSmtpReceiver(handlers: Partial<SMTPServerOptions> = {}): Promise<SmtpReceiver> {
  const arrivals: Arrival[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, done) {
      simpleParser(stream).then(
        (mail) => {
          arrivals.push({ rcptTo: session.envelope.rcptTo.map((r) => r.address), mail });
          done();
        },
        (e: Error) => done(e),
      );
    },
    ...handlers,
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { port, url: `smtp://127.0.0.1:${port}`, arrivals, close: () => new Promise<void>((resolve) => server.close(resolve)) };
}
