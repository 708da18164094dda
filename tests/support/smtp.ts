/**
 * A real SMTP server in this process (the `smtp-server` package), for tests that assert on what
 * arrived: each accepted message is parsed with `mailparser`. It can refuse (a 4xx on RCPT, as
 * a busy relay does), stop (connection refused) and start again on the same port.
 */
import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface TestSmtp {
  /** `smtp://127.0.0.1:<port>` — what SMTP_URL would be. */
  readonly url: string;
  readonly port: number;
  /** Every message accepted, in order, duplicates included. */
  readonly messages: ParsedMail[];
  /** One per Message-ID, as a receiver that drops duplicates by it sees them. */
  distinct(): ParsedMail[];
  /** Messages to `address`. */
  to(address: string): ParsedMail[];
  /** Waits until `count` messages in all have arrived. */
  waitFor(count: number, timeoutMs?: number): Promise<ParsedMail[]>;
  /** While on, every recipient is answered `451 4.3.0 Try again later`. */
  refuse(on: boolean): void;
  stop(): Promise<void>;
  /** Listens again on the same port. */
  start(): Promise<void>;
}

export async function startTestSmtp(): Promise<TestSmtp> {
  const messages: ParsedMail[] = [];
  let refusing = false;
  const make = () =>
    new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS", "AUTH"],
      logger: false,
      onRcptTo(_address, _session, callback) {
        if (!refusing) return callback();
        const error = new Error("Try again later") as Error & { responseCode: number };
        error.responseCode = 451;
        callback(error);
      },
      onData(stream, _session, callback) {
        simpleParser(stream)
          .then((parsed) => {
            messages.push(parsed);
            callback();
          })
          .catch(callback);
      },
    });
  let server = make();
  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => resolve((server.server.address() as AddressInfo).port));
    });
  const port = await listen(0);
  let running = true;

  const addresses = (mail: ParsedMail) => (Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : []).flatMap((a) => a.value.map((v) => v.address));
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    messages,
    distinct: () => [...new Map(messages.map((m) => [m.messageId, m])).values()],
    to: (address) => messages.filter((m) => addresses(m).includes(address)),
    async waitFor(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (messages.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} messages, got ${messages.length}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      return messages;
    },
    refuse(on) {
      refusing = on;
    },
    async stop() {
      if (!running) return;
      running = false;
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
    async start() {
      if (running) return;
      server = make();
      await listen(port);
      running = true;
    },
  };
}
