import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, signIn, startTestApp, type TestApp } from "../../../test/app-harness.js";
import { totpAt } from "./totp.js";

const KEY = "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0";

describe("second factor (TOTP) outside demo mode", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ DEMO_MODE: "false", FIELD_ENCRYPTION_KEY: KEY });
  });
  afterAll(() => t.close());

  it("lets a project unit in with a password alone", async () => {
    const c = await signIn(t.app, "demo-unit");
    const s = (await c.get("/api/v1/auth/session")).json();
    expect(s.user.mustEnrolSecondFactor).toBe(false);
  });

  it("holds every other role at enrolment until a TOTP is confirmed, then requires it at sign-in", async () => {
    const c = await signIn(t.app, "demo-security");
    expect((await c.get("/api/v1/auth/session")).json().user.mustEnrolSecondFactor).toBe(true);
    const blocked = await c.get("/api/v1/users");
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe("SECOND_FACTOR_ENROLMENT_REQUIRED");

    const setup = await c.post("/api/v1/auth/totp/setup");
    expect(setup.statusCode).toBe(200);
    const { secret, otpauthUrl } = setup.json();
    expect(otpauthUrl).toContain(`secret=${secret}`);
    const stored = await t.database.db.selectFrom("user_session").select("pending_totp_secret").where("pending_totp_secret", "is not", null).execute();
    expect(stored[0]?.pending_totp_secret).toMatch(/^sm4:v1:/); // never the plain seed
    expect((await c.post("/api/v1/auth/totp/confirm", { otp: "000000" === totpAt(secret, new Date()) ? "111111" : "000000" })).json().error.code).toBe("SECOND_FACTOR_INVALID");
    expect((await c.post("/api/v1/auth/totp/confirm", { otp: totpAt(secret, new Date()) })).statusCode).toBe(204);
    expect((await c.get("/api/v1/users")).statusCode).toBe(200);
    await c.post("/api/v1/auth/logout");

    const noOtp = await t.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { username: "demo-security", password: DEMO_PASSWORD } });
    expect(noOtp.statusCode).toBe(401);
    expect(noOtp.json().error.code).toBe("SECOND_FACTOR_REQUIRED");
    const wrong = await t.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { username: "demo-security", password: DEMO_PASSWORD, otp: totpAt(secret, new Date(Date.now() - 600_000)) } });
    expect(wrong.json().error.code).toBe("SECOND_FACTOR_INVALID");
    const ok = await signIn(t.app, "demo-security", DEMO_PASSWORD, totpAt(secret, new Date()));
    expect((await ok.get("/api/v1/users")).statusCode).toBe(200);
  });
});
