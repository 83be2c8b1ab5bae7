import { describe, expect, it } from "vitest";
import { GENESIS_HASH, canonicalJson, chainHash } from "./audit.hash.js";

const event = {
  seq: 1,
  tx_id: "750",
  occurred_at: new Date("2026-03-02T01:02:03.456Z"),
  type: "user.unlocked",
  actor_user_id: 7,
  actor_label: "demo-security",
  organisation_id: 3,
  region_code: "330000",
  subject: "demo-unit",
  payload: { username: "demo-unit", userId: 2 },
  request_id: "req-1",
  ip: "127.0.0.1",
};

describe("audit chain hashing", () => {
  it("is independent of key order, as JSONB reorders keys", () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { y: 1, x: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"x":2,"y":1}]},"b":1}');
    expect(chainHash(GENESIS_HASH, event)).toBe(chainHash(GENESIS_HASH, { ...event, payload: { userId: 2, username: "demo-unit" } }));
  });
  it("changes with any field and with the previous hash", () => {
    const h = chainHash(GENESIS_HASH, event);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(chainHash(GENESIS_HASH, { ...event, actor_label: "someone" })).not.toBe(h);
    expect(chainHash(GENESIS_HASH, { ...event, occurred_at: new Date(event.occurred_at.getTime() + 1) })).not.toBe(h);
    expect(chainHash("1".repeat(64), event)).not.toBe(h);
  });
  it("uses SM3 (GB/T 32905-2016 example: \"abc\")", async () => {
    const { sm3Hex } = await import("../../platform/crypto.js");
    expect(sm3Hex("abc")).toBe("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
  });
});
