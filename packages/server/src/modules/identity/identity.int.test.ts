import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { DEMO_PASSWORD, signIn, startTestApp, type TestApp } from "../../../test/app-harness.js";

const login = (t: TestApp, username: string, password: string, ip = "10.0.0.1") =>
  t.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { username, password }, remoteAddress: ip });

describe("sign-in, lockout and sessions (等保三级 身份鉴别)", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());
  afterEach(() => {
    vi.useRealTimers();
  });

  it("signs a demo user in with a session cookie and a CSRF token", async () => {
    const res = await login(t, "demo-officer-fgw", DEMO_PASSWORD);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.user.username).toBe("demo-officer-fgw");
    expect(body.user.role).toBe("officer");
    expect(body.user.organisation.name).toBe("浙江省发展和改革委员会");
    expect(body.user.organisation.regionName).toBe("浙江省");
    expect(body.csrfToken).toMatch(/^[\w-]{20,}$/);
    const cookie = res.cookies.find((c) => c.name === "tzxm_sid");
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe("Strict");
  });

  it("answers INVALID_CREDENTIALS for a wrong password and for an unknown user alike", async () => {
    for (const [u, p] of [["demo-officer-zjw", "Wrong#2026"], ["nobody-here", "Wrong#2026"]] as const) {
      const res = await login(t, u, p);
      expect(res.statusCode).toBe(401);
      expect(res.json().error).toMatchObject({ code: "INVALID_CREDENTIALS", message: "用户名或密码错误" });
      expect(res.json().error.requestId).toBeTruthy();
    }
  });

  it("locks the account after 5 failures, refuses even the right password, and unlocks after 15 minutes", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-03-02T02:00:00Z") });
    const user = "demo-officer-sthj";
    for (let i = 1; i <= 4; i++) expect((await login(t, user, `Wrong#${i}aaa`)).json().error.code).toBe("INVALID_CREDENTIALS");
    const fifth = await login(t, user, "Wrong#5aaa");
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().error.code).toBe("ACCOUNT_LOCKED");
    expect(fifth.headers["retry-after"]).toBe("900");
    const right = await login(t, user, DEMO_PASSWORD);
    expect(right.json().error.code).toBe("ACCOUNT_LOCKED");
    vi.setSystemTime(new Date("2026-03-02T02:14:00Z"));
    expect((await login(t, user, DEMO_PASSWORD)).json().error.code).toBe("ACCOUNT_LOCKED");
    vi.setSystemTime(new Date("2026-03-02T02:15:01Z"));
    expect((await login(t, user, DEMO_PASSWORD)).statusCode).toBe(200);
    const events = await t.database.db.selectFrom("audit_event").select(["type", "payload"]).where("subject", "=", user).orderBy("seq").execute();
    const types = events.map((e) => e.type);
    expect(types.filter((x) => x === "auth.login_failed")).toHaveLength(7);
    expect(types).toContain("auth.account_locked");
    expect(types.at(-1)).toBe("auth.login_succeeded");
  });

  it("ends a session after 15 idle minutes and says so", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-03-03T01:00:00Z") });
    const c = await signIn(t.app, "demo-leader-fgw");
    vi.setSystemTime(new Date("2026-03-03T01:14:00Z"));
    expect((await c.get("/api/v1/auth/session")).statusCode).toBe(200);
    // Activity moved the idle clock: 14 more minutes are still fine, 16 are not.
    vi.setSystemTime(new Date("2026-03-03T01:28:00Z"));
    expect((await c.get("/api/v1/auth/session")).statusCode).toBe(200);
    vi.setSystemTime(new Date("2026-03-03T01:44:01Z"));
    const expired = await c.get("/api/v1/auth/session");
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error.code).toBe("SESSION_EXPIRED");
    expect((await c.get("/api/v1/auth/session")).json().error.code).toBe("NOT_AUTHENTICATED");
    const ev = await t.database.db.selectFrom("audit_event").select("payload").where("type", "=", "auth.session_expired").execute();
    expect(ev.map((e) => (e.payload as { reason: string }).reason)).toContain("idle_timeout");
  });

  it("ends a session at its absolute lifetime even when active", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-03-04T00:00:00Z") });
    const c = await signIn(t.app, "demo-supervisor");
    // Active every 14 minutes (inside the idle limit) for the whole 12 hours.
    for (let m = 14; m < 12 * 60; m += 14) {
      vi.setSystemTime(new Date(Date.UTC(2026, 2, 4, 0, m, 0)));
      const r = await c.get("/api/v1/auth/session");
      expect(r.statusCode, `minute ${m}`).toBe(200);
    }
    vi.setSystemTime(new Date("2026-03-04T12:00:01Z"));
    expect((await c.get("/api/v1/auth/session")).json().error.code).toBe("SESSION_EXPIRED");
  });

  it("refuses a state-changing call without the CSRF token, and logs out with it", async () => {
    const c = await signIn(t.app, "demo-ops");
    const noToken = await t.app.inject({ method: "POST", url: "/api/v1/auth/logout", headers: { cookie: c.cookie } });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().error.code).toBe("CSRF_TOKEN_INVALID");
    const out = await c.post("/api/v1/auth/logout");
    expect(out.statusCode).toBe(204);
    expect((await c.get("/api/v1/auth/session")).statusCode).toBe(401);
  });

  it("answers 403 FORBIDDEN, audited, when a role lacks the permission", async () => {
    const c = await signIn(t.app, "demo-unit");
    const res = await c.get("/api/v1/users");
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe("FORBIDDEN");
    const denied = await t.database.db.selectFrom("audit_event").select("payload").where("type", "=", "access.denied").where("subject", "=", "demo-unit").execute();
    expect(denied[0]?.payload).toMatchObject({ required: "users:read", reason: "permission" });
  });

  it("enforces the password policy and refuses the last 5 passwords", async () => {
    const c = await signIn(t.app, "demo-officer-zrzy");
    const weak = await c.post("/api/v1/auth/password", { currentPassword: DEMO_PASSWORD, newPassword: "abcdefgh" });
    expect(weak.statusCode).toBe(422);
    expect(weak.json().error.code).toBe("PASSWORD_POLICY_VIOLATION");
    expect(weak.json().error.fields[0].path).toBe("newPassword");
    const wrongCurrent = await c.post("/api/v1/auth/password", { currentPassword: "Nope#2026x", newPassword: "Fresh#2026a" });
    expect(wrongCurrent.json().error.fields[0].path).toBe("currentPassword");
    const sequence = ["Fresh#2026a", "Fresh#2026b", "Fresh#2026c", "Fresh#2026d", "Fresh#2026e"];
    let current = DEMO_PASSWORD;
    for (const next of sequence) {
      const r = await c.post("/api/v1/auth/password", { currentPassword: current, newPassword: next });
      expect(r.statusCode, next).toBe(204);
      current = next;
    }
    // History now: Demo#2026 (oldest, 6th back) … Fresh#2026e (current). The last 5 are refused, the 6th is not.
    const reuse = await c.post("/api/v1/auth/password", { currentPassword: current, newPassword: "Fresh#2026a" });
    expect(reuse.json().error.code).toBe("PASSWORD_REUSED");
    expect((await c.post("/api/v1/auth/password", { currentPassword: current, newPassword: DEMO_PASSWORD })).statusCode).toBe(204);
  });

  it("answers VALIDATION_FAILED naming the field, in Chinese and English, for a malformed body", async () => {
    const res = await t.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { username: "x" } });
    expect(res.statusCode).toBe(400);
    const err = res.json().error;
    expect(err.code).toBe("VALIDATION_FAILED");
    expect(err.fields[0]).toMatchObject({ path: "password" });
    expect(err.fields[0].message).toMatch(/[\u4e00-\u9fa5]/);
    const bad = await t.app.inject({ method: "POST", url: "/api/v1/auth/login", headers: { "content-type": "application/json" }, payload: "{not json" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe("BAD_REQUEST");
  });
});

describe("sign-in rate limit per client address", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ LOGIN_RATE_PER_MINUTE: "20" });
  });
  afterAll(() => t.close());

  it("allows 20 attempts a minute from one address, then answers RATE_LIMITED", async () => {
    for (let i = 0; i < 20; i++) {
      const r = await login(t, `nobody-${i}`, "Wrong#2026", "10.9.9.9");
      expect(r.statusCode).toBe(401);
    }
    const limited = await login(t, "nobody-x", "Wrong#2026", "10.9.9.9");
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe("RATE_LIMITED");
    expect((await login(t, "nobody-y", "Wrong#2026", "10.9.9.10")).statusCode).toBe(401);
  });
});
