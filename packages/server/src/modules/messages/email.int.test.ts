import net from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { signIn, startTestApp, type TestApp } from "../../../test/app-harness.js";
import { sampleDeclaration } from "../../../test/fixtures.js";
import { sweepOpenCases } from "../cases/sweep.service.js";
import { WorkingDayCalendar } from "../reference/calendar.js";
import { deliverDueMails, queueMails, smtpSender } from "./email-outbox.js";

/** A mail server on the loopback interface speaking plain SMTP, keeping what it is sent. */
function startMailServer() {
  const received: { from: string; to: string[]; data: string; auth: string | null }[] = [];
  const server = net.createServer((socket) => {
    let buffer = "";
    let inData = false;
    let current = { from: "", to: [] as string[], data: "", auth: null as string | null };
    socket.write("220 test-mail ESMTP\r\n");
    socket.on("data", (chunk) => {
      buffer += chunk.toString("utf8");
      for (let nl = buffer.indexOf("\r\n"); nl >= 0; nl = buffer.indexOf("\r\n")) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 2);
        if (inData) {
          if (line === ".") {
            inData = false;
            received.push(current);
            current = { from: "", to: [], data: "", auth: current.auth };
            socket.write("250 queued\r\n");
          } else current.data += `${line}\n`;
          continue;
        }
        const verb = line.split(" ")[0]!.toUpperCase();
        if (verb === "EHLO") socket.write("250-test-mail\r\n250 AUTH PLAIN\r\n");
        else if (verb === "AUTH") {
          current.auth = Buffer.from(line.split(" ")[2] ?? "", "base64").toString("utf8");
          socket.write("235 ok\r\n");
        } else if (verb === "MAIL") {
          current.from = line;
          socket.write("250 ok\r\n");
        } else if (verb === "RCPT") {
          current.to.push(/<([^>]+)>/.exec(line)?.[1] ?? "");
          socket.write("250 ok\r\n");
        } else if (verb === "DATA") {
          inData = true;
          socket.write("354 go ahead\r\n");
        } else if (verb === "QUIT") socket.end("221 bye\r\n");
        else socket.write("502 unknown\r\n");
      }
    });
  });
  return new Promise<{ port: number; received: typeof received; close(): Promise<void> }>((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const port = (server.address() as net.AddressInfo).port;
      resolve({ port, received, close: () => new Promise((r) => server.close(() => r())) });
    });
  });
}

describe("warnings by e-mail when a mail server is configured", () => {
  let t: TestApp;
  let mail: Awaited<ReturnType<typeof startMailServer>>;
  let url: string;

  beforeAll(async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-09-25T02:00:00Z") });
    mail = await startMailServer();
    url = `smtp://platform:p%40ss@127.0.0.1:${mail.port}`;
    t = await startTestApp({ SMTP_URL: url });
  });
  afterAll(async () => {
    vi.useRealTimers();
    await t.close();
    await mail.close();
  });

  it("queues the warning with the in-app message, sends it over SMTP, and keeps a mail the server could not take", async () => {
    const officer = await signIn(t.app, "demo-officer-fgw");
    const bad = await officer.put("/api/v1/account/email", { email: "not-an-address" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe("email");
    expect((await officer.put("/api/v1/account/email", { email: "li.ming@fgw.zj.example" })).statusCode).toBe(204);
    expect((await officer.get("/api/v1/account/email")).json()).toEqual({ email: "li.ming@fgw.zj.example", mailEnabled: true });

    const unit = await signIn(t.app, "demo-unit");
    const { requiredMatters } = (await unit.post("/api/v1/projects", sampleDeclaration())).json() as { requiredMatters: { caseId: string; matterCode: string }[] };
    const caseId = requiredMatters.find((m) => m.matterCode === "ZJ-FGW-002")!.caseId;
    await officer.post(`/api/v1/cases/${caseId}/events`, { type: "receive", at: "2026-08-27T09:00:00+08:00" });
    await officer.post(`/api/v1/cases/${caseId}/events`, { type: "accept", at: "2026-08-27T10:00:00+08:00" });
    const { projectCode } = (await officer.get(`/api/v1/cases/${caseId}`)).json();

    await sweepOpenCases({ db: t.database.db, calendar: WorkingDayCalendar.load(), warnDays: 3, mail: true });
    // The leader has no address: in-app only. The officer's mail waits in the outbox.
    const queued = await t.database.db.selectFrom("email_outbox").select(["to_address", "kind", "sent_at"]).execute();
    expect(queued).toEqual([{ to_address: "li.ming@fgw.zj.example", kind: "case.warning_red", sent_at: null }]);

    expect(await deliverDueMails(t.database.db, smtpSender(url), "平台 <noreply@tzxm.example>")).toEqual({ sent: 1, failed: 0 });
    expect(mail.received).toHaveLength(1);
    const got = mail.received[0]!;
    expect(got.to).toEqual(["li.ming@fgw.zj.example"]);
    expect(got.auth).toBe("\0platform\0p@ss");
    const subject = /Subject: =\?UTF-8\?B\?([^?]+)\?=/.exec(got.data)?.[1];
    expect(Buffer.from(subject!, "base64").toString("utf8")).toContain("已超期");
    const body = Buffer.from(got.data.split("\n\n").slice(1).join("").replace(/\s/g, ""), "base64").toString("utf8");
    expect(body).toContain(projectCode);
    expect((await t.database.db.selectFrom("email_outbox").select("sent_at").executeTakeFirstOrThrow()).sent_at).not.toBeNull();

    // With the mail server gone the mail stays queued, with the error and a later attempt.
    const userId = (await t.database.db.selectFrom("app_user").select("id").where("username", "=", "demo-officer-fgw").executeTakeFirstOrThrow()).id;
    await queueMails(t.database.db, [{ userId, kind: "test", subject: "测试", body: "正文" }]);
    expect(await deliverDueMails(t.database.db, smtpSender("smtp://127.0.0.1:1"), "noreply@tzxm.example")).toEqual({ sent: 0, failed: 1 });
    const kept = await t.database.db.selectFrom("email_outbox").select(["attempts", "last_error", "sent_at", "next_attempt_at"]).where("kind", "=", "test").executeTakeFirstOrThrow();
    expect(kept).toMatchObject({ attempts: 1, sent_at: null });
    expect(kept.last_error).toBeTruthy();
    expect(kept.next_attempt_at.getTime()).toBeGreaterThan(Date.now());
  });
});
