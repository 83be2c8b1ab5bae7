import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIn, startTestApp, type TestApp } from "../../../test/app-harness.js";

describe("operations basics", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it("answers /api/health as the specification says", async () => {
    const res = await t.app.inject({ url: "/api/health" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: "ok", database: "ok", version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
  });

  it("publishes an OpenAPI 3 document with the specification's endpoints", async () => {
    const doc = (await t.app.inject({ url: "/api/openapi.json" })).json();
    expect(doc.openapi).toMatch(/^3\./);
    for (const path of ["/api/health", "/api/v1/auth/login", "/api/v1/calendar/days/{date}", "/api/v1/calendar/due-date"]) {
      expect(Object.keys(doc.paths), path).toContain(path);
    }
    expect(doc.paths["/api/v1/auth/login"].post.requestBody.content["application/json"].schema.properties).toHaveProperty("username");
    const ui = await t.app.inject({ url: "/api/docs" });
    expect([200, 302]).toContain(ui.statusCode);
  });

  it("serves Prometheus metrics, counting requests by route", async () => {
    await t.app.inject({ url: "/api/health" });
    const res = await t.app.inject({ url: "/metrics" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/text\/plain/);
    expect(res.body).toMatch(/tzxm_http_request_duration_seconds_count\{method="GET",route="\/api\/health",status="200"\} \d+/);
    expect(res.body).toMatch(/tzxm_process_cpu_seconds_total/);
  });

  it("keeps /metrics for the scraper holding METRICS_TOKEN when one is configured", async () => {
    const token = "scrape-token-0123456789abcdef";
    const guarded = await startTestApp({ METRICS_TOKEN: token });
    try {
      expect((await guarded.app.inject({ url: "/metrics" })).statusCode).toBe(401);
      expect((await guarded.app.inject({ url: "/metrics", headers: { authorization: "Bearer wrong-token" } })).statusCode).toBe(401);
      const ok = await guarded.app.inject({ url: "/metrics", headers: { authorization: `Bearer ${token}` } });
      expect(ok.statusCode).toBe(200);
      expect(ok.body).toMatch(/tzxm_process_cpu_seconds_total/);
    } finally {
      await guarded.close();
    }
  });

  it("puts the request id in the header and in every error body, and keeps a well-formed caller id", async () => {
    const res = await t.app.inject({ url: "/api/v1/nothing-here", headers: { "x-request-id": "caller-req-12345" } });
    expect(res.statusCode).toBe(404);
    expect(res.headers["x-request-id"]).toBe("caller-req-12345");
    expect(res.json().error).toMatchObject({ code: "NOT_FOUND", requestId: "caller-req-12345", message: expect.any(String), messageEn: expect.any(String) });
    const other = await t.app.inject({ url: "/api/v1/nothing-here", headers: { "x-request-id": "bad id with spaces" } });
    expect(other.headers["x-request-id"]).not.toBe("bad id with spaces");
  });

  it("sends security headers", async () => {
    const res = await t.app.inject({ url: "/api/health" });
    expect(res.headers["content-security-policy"]).toMatch(/default-src 'self'/);
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["x-frame-options"]).toBe("SAMEORIGIN");
  });

  it("describes the platform for the web application", async () => {
    const res = await t.app.inject({ url: "/api/v1/platform" });
    expect(res.json()).toMatchObject({ level: "provincial", regionCode: "330000", regionName: "浙江省", demoMode: true });
  });

  it("gives the operations administrator an overview within its scope", async () => {
    const ops = await signIn(t.app, "demo-ops");
    const res = await ops.get("/api/v1/ops/overview");
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.database).toEqual({ kind: t.database.kind, ok: true });
    expect(body.usersByRole.officer).toBe(4);
    expect(body.usersByRole.audit_admin).toBe(1);
    expect(body.sessionsActive).toBeGreaterThanOrEqual(1);
    const audit = await signIn(t.app, "demo-audit");
    expect((await audit.get("/api/v1/ops/overview")).statusCode).toBe(403); // 三员分立
  });
});
