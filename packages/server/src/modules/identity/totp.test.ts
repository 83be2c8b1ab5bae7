import { describe, expect, it } from "vitest";
import { base32Decode, base32Encode, hotp, totpAt, verifyTotp } from "./totp.js";

// RFC 4226 Appendix D: secret "12345678901234567890", HOTP values for counters 0-9.
const RFC4226 = ["755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871", "520489"];
const SECRET = Buffer.from("12345678901234567890");

describe("TOTP (RFC 6238)", () => {
  it("matches the RFC 4226 HOTP test vectors", () => {
    for (const [counter, code] of RFC4226.entries()) expect(hotp(SECRET, counter)).toBe(code);
  });

  it("matches the RFC 6238 SHA-1 test vectors (8 digits)", () => {
    const b32 = base32Encode(SECRET);
    expect(totpAt(b32, new Date(59_000), 8)).toBe("94287082");
    expect(totpAt(b32, new Date(1111111109_000), 8)).toBe("07081804");
    expect(totpAt(b32, new Date(1234567890_000), 8)).toBe("89005924");
    expect(totpAt(b32, new Date(2000000000_000), 8)).toBe("69279037");
  });

  it("round-trips base32", () => {
    expect(base32Encode(Buffer.from("foobar"))).toBe("MZXW6YTBOI");
    expect(base32Decode("MZXW6YTBOI").toString()).toBe("foobar");
  });

  it("accepts one step of drift and nothing beyond", () => {
    const b32 = base32Encode(SECRET);
    const t = new Date(1_700_000_000_000);
    const code = totpAt(b32, t);
    expect(verifyTotp(b32, code, t)).toBe(true);
    expect(verifyTotp(b32, code, new Date(t.getTime() + 30_000))).toBe(true);
    expect(verifyTotp(b32, code, new Date(t.getTime() + 90_000))).toBe(false);
    expect(verifyTotp(b32, "12345", t)).toBe(false);
  });
});
