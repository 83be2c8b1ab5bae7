import { randomUUID } from "node:crypto";
import net from "node:net";
import tls from "node:tls";

/**
 * A small SMTP client (RFC 5321) for the platform's notices: EHLO, STARTTLS when the server offers it (or
 * implicit TLS with smtps://), AUTH PLAIN when the URL has credentials, one message of UTF-8 plain text
 * (RFC 2047 subject, base64 body). Government mail relays speak exactly this; nothing else is needed, so no
 * dependency is taken for it.
 *
 * SMTP_URL: smtp://[user:password@]host[:port] (STARTTLS if offered) or smtps://…[:465] (TLS from the start).
 */
export interface MailMessage {
  from: string;
  to: string;
  subject: string;
  text: string;
}

export class SmtpError extends Error {
  constructor(
    message: string,
    readonly code?: number,
  ) {
    super(message);
    this.name = "SmtpError";
  }
}

const TIMEOUT_MS = 20_000;

/** Reads SMTP replies (possibly multi-line: "250-…" continued, "250 …" last) from a socket. */
class ReplyReader {
  private buffer = "";
  private waiting: ((reply: { code: number; lines: string[] }) => void) | null = null;
  private failure: ((error: Error) => void) | null = null;
  private lines: string[] = [];

  constructor(private socket: net.Socket) {
    socket.on("data", this.onChunk).on("error", this.onError).on("close", this.onClose);
  }

  private readonly onChunk = (chunk: Buffer) => this.onData(chunk.toString("utf8"));
  private readonly onError = (e: Error) => this.failure?.(e);
  private readonly onClose = () => this.failure?.(new SmtpError("connection closed by the mail server"));

  /** Listens to `socket`, after leaving the previous one (STARTTLS hands the plain socket over to TLS). */
  attach(socket: net.Socket) {
    this.socket.off("data", this.onChunk).off("error", this.onError).off("close", this.onClose);
    this.socket = socket;
    socket.on("data", this.onChunk).on("error", this.onError).on("close", this.onClose);
  }

  private onData(chunk: string) {
    this.buffer += chunk;
    let nl = this.buffer.indexOf("\n");
    while (nl >= 0) {
      const line = this.buffer.slice(0, nl).replace(/\r$/, "");
      this.buffer = this.buffer.slice(nl + 1);
      this.lines.push(line);
      if (/^\d{3} /.test(line) || /^\d{3}$/.test(line)) {
        const reply = { code: Number(line.slice(0, 3)), lines: this.lines.map((l) => l.slice(4)) };
        this.lines = [];
        const resolve = this.waiting;
        this.waiting = null;
        this.failure = null;
        resolve?.(reply);
      }
      nl = this.buffer.indexOf("\n");
    }
  }

  next(): Promise<{ code: number; lines: string[] }> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new SmtpError("the mail server did not answer in time")), TIMEOUT_MS);
      this.waiting = (r) => {
        clearTimeout(timer);
        resolve(r);
      };
      this.failure = (e) => {
        clearTimeout(timer);
        reject(e);
      };
    });
  }
}

function encodeHeader(text: string): string {
  return /^[\x20-\x7e]*$/.test(text) ? text : `=?UTF-8?B?${Buffer.from(text, "utf8").toString("base64")}?=`;
}

function addressOf(mailbox: string): string {
  const m = /<([^>]+)>/.exec(mailbox);
  return (m?.[1] ?? mailbox).trim();
}

/** The message as sent after DATA, with dot-stuffing (RFC 5321 §4.5.2) unnecessary: base64 never starts with ".". */
export function formatMessage(m: MailMessage, date: Date, domain: string): string {
  const body = Buffer.from(m.text, "utf8").toString("base64").replace(/.{1,76}/g, "$&\r\n");
  return [
    `From: ${m.from}`,
    `To: ${m.to}`,
    `Subject: ${encodeHeader(m.subject)}`,
    `Date: ${date.toUTCString().replace("GMT", "+0000")}`,
    `Message-ID: <${randomUUID()}@${domain}>`,
    "MIME-Version: 1.0",
    "Content-Type: text/plain; charset=UTF-8",
    "Content-Transfer-Encoding: base64",
    "",
    body,
  ].join("\r\n");
}

export async function sendMail(smtpUrl: string, message: MailMessage, now: Date = new Date()): Promise<void> {
  const url = new URL(smtpUrl);
  const implicitTls = url.protocol === "smtps:";
  const host = url.hostname;
  const port = Number(url.port || (implicitTls ? 465 : 25));
  let socket: net.Socket = await new Promise((resolve, reject) => {
    const s = implicitTls ? tls.connect({ host, port, servername: host }, () => resolve(s)) : net.connect({ host, port }, () => resolve(s));
    s.once("error", reject);
  });
  const reader = new ReplyReader(socket);
  const command = async (line: string | null, expect: number[]) => {
    const answer = reader.next();
    if (line !== null) socket.write(`${line}\r\n`);
    const reply = await answer;
    if (!expect.includes(reply.code)) throw new SmtpError(`mail server answered ${reply.code} ${reply.lines.join(" ")} to ${line?.split(" ")[0] ?? "greeting"}`, reply.code);
    return reply;
  };
  try {
    await command(null, [220]);
    const domain = "tzxm.local";
    let ehlo = await command(`EHLO ${domain}`, [250]);
    if (!implicitTls && ehlo.lines.some((l) => l.toUpperCase().startsWith("STARTTLS"))) {
      await command("STARTTLS", [220]);
      socket = await new Promise((resolve, reject) => {
        const s = tls.connect({ socket, servername: host }, () => resolve(s));
        s.once("error", reject);
      });
      reader.attach(socket);
      ehlo = await command(`EHLO ${domain}`, [250]);
    }
    if (url.username) {
      const token = Buffer.from(`\0${decodeURIComponent(url.username)}\0${decodeURIComponent(url.password)}`, "utf8").toString("base64");
      await command(`AUTH PLAIN ${token}`, [235]);
    }
    await command(`MAIL FROM:<${addressOf(message.from)}>`, [250]);
    await command(`RCPT TO:<${addressOf(message.to)}>`, [250, 251]);
    await command("DATA", [354]);
    await command(`${formatMessage(message, now, domain)}\r\n.`, [250]);
    await command("QUIT", [221]).catch(() => undefined);
  } finally {
    socket.destroy();
  }
}
