import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../test/app-harness.js";
import { buildApp } from "./app.js";

/** 等保三级 登录失败处理: the per-address sign-in limit holds across every process sharing the database. */
describe("rate limits shared by every process", () => {
  let t: TestApp;
  let other: Awaited<ReturnType<typeof buildApp>>;
  beforeAll(async () => {
    t = await startTestApp({ LOGIN_RATE_PER_MINUTE: "20" });
    // A second process of the same platform: its own app, the same database.
    other = await buildApp({ ...t.app.deps }, { logger: false });
    await other.ready();
  });
  afterAll(async () => {
    await other.close();
    await t.close();
  });

  it("counts one address's sign-in attempts on two app instances together", async () => {
    const attempt = (app: typeof other, i: number) =>
      app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { username: `nobody-${i}`, password: "wrong-password" }, remoteAddress: "203.0.113.7" });
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) statuses.push((await attempt(i % 2 === 0 ? t.app : other, i)).statusCode);
    expect(statuses.every((s) => s === 401)).toBe(true);
    const limited = await attempt(other, 20);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe("RATE_LIMITED");
    // Another address is not affected.
    const elsewhere = await t.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { username: "nobody", password: "wrong-password" }, remoteAddress: "203.0.113.8" });
    expect(elsewhere.statusCode).toBe(401);
  });
});
