import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, signIn, startTestApp, type TestApp } from "../../../test/app-harness.js";
import { sampleDeclaration } from "../../../test/fixtures.js";
import { projectPublicUrl, qrPng, qrSvg } from "./label.js";
import { projectCodeCheckCharacter } from "./project-code.js";

const BASE = "https://tzxm.example.gov.cn";
const LEGACY = "2019-330106-36-01-000123";

describe("project code labels (Art. 13)", () => {
  let t: TestApp;
  let unit: Client;
  const declaration = (name: string, extra: Record<string, unknown> = {}) =>
    sampleDeclaration({ name, constructionScale: "新建厂房5万平方米", constructionContent: "建设智能化生产车间", ...extra });
  const declare = async (name: string, extra?: Record<string, unknown>) => {
    const res = await unit.post("/api/v1/projects", declaration(name, extra));
    expect(res.statusCode, res.body).toBe(201);
    return res.json().code as string;
  };
  const get = (url: string) => t.app.inject({ url });

  beforeAll(async () => {
    // A trailing slash in the configured address must not double the slash in the label.
    t = await startTestApp({ PUBLIC_BASE_URL: `${BASE}/` });
    unit = await signIn(t.app, "demo-unit");
  });
  afterAll(() => t.close());

  it("answers a declared project's label as SVG and PNG, cacheable, encoding its public page", async () => {
    const code = await declare("杭州西湖数字经济产业园项目");
    const svg = await get(`/api/v1/public/projects/${code}/label.svg`);
    expect(svg.statusCode).toBe(200);
    expect(svg.headers["content-type"]).toMatch(/^image\/svg\+xml/);
    expect(svg.headers["cache-control"]).toBe("public, max-age=86400");
    expect(svg.body).toMatch(/^<svg /);
    expect(svg.body).toBe(await qrSvg(`${BASE}/projects/${code}`));

    const png = await get(`/api/v1/public/projects/${code}/label.png`);
    expect(png.statusCode).toBe(200);
    expect(png.headers["content-type"]).toBe("image/png");
    expect(png.headers["cache-control"]).toBe("public, max-age=86400");
    expect(png.rawPayload.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
    expect(png.rawPayload.equals(await qrPng(projectPublicUrl(BASE, code)))).toBe(true);
  });

  it("gives two projects different labels", async () => {
    const a = await declare("项目甲");
    const b = await declare("项目乙");
    const [svgA, svgB] = await Promise.all([a, b].map((c) => get(`/api/v1/public/projects/${c}/label.svg`)));
    expect(svgA?.statusCode).toBe(200);
    expect(svgB?.statusCode).toBe(200);
    expect(svgA?.body).not.toBe(svgB?.body);
  });

  it("labels a legacy number with its platform code's page (Art. 12)", async () => {
    const code = await declare("老项目重新赋码", { legacyCode: LEGACY });
    const byLegacy = await get(`/api/v1/public/projects/${LEGACY}/label.svg`);
    expect(byLegacy.statusCode).toBe(200);
    expect(byLegacy.body).toBe((await get(`/api/v1/public/projects/${code}/label.svg`)).body);
    expect(byLegacy.body).toBe(await qrSvg(projectPublicUrl(BASE, code)));
  });

  it("answers 404 for a well-formed unknown code and 422 for a malformed one, without caching either", async () => {
    const body = "2011-330106-02-01-99999"; // November 2020: no project declared today carries it
    const unknown = body + projectCodeCheckCharacter(body);
    for (const ext of ["svg", "png"]) {
      const nf = await get(`/api/v1/public/projects/${unknown}/label.${ext}`);
      expect(nf.statusCode).toBe(404);
      expect(nf.json().error.code).toBe("NOT_FOUND");
      expect(nf.headers["cache-control"]).toBeUndefined();

      const wrongCheck = `${body}${projectCodeCheckCharacter(body) === "0" ? "1" : "0"}`;
      for (const bad of [wrongCheck, "2601-33010", "not-a-code"]) {
        const res = await get(`/api/v1/public/projects/${bad}/label.${ext}`);
        expect(res.statusCode, bad).toBe(422);
        expect(res.json().error).toMatchObject({ code: "PROJECT_CODE_INVALID", fields: [{ path: "code" }] });
      }
    }
  });
});
