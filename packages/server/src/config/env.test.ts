import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./env.js";

describe("configuration", () => {
  it("defaults to the embedded demo of the 浙江省 provincial platform", () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ PORT: 3000, DATA_DIR: "./data", PLATFORM_LEVEL: "provincial", PLATFORM_REGION: "330000", DEMO_MODE: true });
    expect(c.SESSION_IDLE_MINUTES).toBe(15);
  });

  it("turns demo mode off for a real PostgreSQL and then requires the field key", () => {
    expect(() => loadConfig({ DATABASE_URL: "postgres://db/tzxm" })).toThrow(/FIELD_ENCRYPTION_KEY/);
    const c = loadConfig({ DATABASE_URL: "postgres://db/tzxm", FIELD_ENCRYPTION_KEY: "ab".repeat(32) });
    expect(c.DEMO_MODE).toBe(false);
  });

  it("lists every bad value at once, by name", () => {
    try {
      loadConfig({ PORT: "http", PLATFORM_LEVEL: "county", PLATFORM_REGION: "33", DATABASE_URL: "mysql://x" });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const problems = (e as ConfigError).problems.join("\n");
      expect(problems).toMatch(/PORT/);
      expect(problems).toMatch(/PLATFORM_LEVEL/);
      expect(problems).toMatch(/PLATFORM_REGION/);
      expect(problems).toMatch(/DATABASE_URL/);
      expect((e as Error).message).toMatch(/配置错误/);
    }
  });

  it("checks that the level and the region agree", () => {
    expect(() => loadConfig({ PLATFORM_LEVEL: "central", PLATFORM_REGION: "330000" })).toThrow(/100000/);
    expect(() => loadConfig({ PLATFORM_LEVEL: "provincial", PLATFORM_REGION: "330100" })).toThrow(/province code/);
    expect(loadConfig({ PLATFORM_LEVEL: "central", PLATFORM_REGION: "100000" }).PLATFORM_LEVEL).toBe("central");
  });
});
