import { describe, expect, it } from "vitest";
import { FieldCipher } from "./field-crypto.js";

describe("SM4 field encryption", () => {
  const cipher = new FieldCipher("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");
  it("round-trips and never repeats a ciphertext", () => {
    const a = cipher.encrypt("JBSWY3DPEHPK3PXP");
    const b = cipher.encrypt("JBSWY3DPEHPK3PXP");
    expect(a).not.toBe(b);
    expect(a.startsWith("sm4:v1:")).toBe(true);
    expect(cipher.decrypt(a)).toBe("JBSWY3DPEHPK3PXP");
  });
  it("refuses a tampered value and a wrong key", () => {
    const v = cipher.encrypt("secret");
    const parts = v.split(":");
    parts[3] = Buffer.from("x".repeat(16)).toString("base64url");
    expect(() => cipher.decrypt(parts.join(":"))).toThrow(/integrity/);
    const other = new FieldCipher("ff".repeat(32));
    expect(() => other.decrypt(v)).toThrow();
  });
  it("matches the GB/T 32907-2016 SM4 example through node:crypto", async () => {
    const { createCipheriv } = await import("node:crypto");
    // GB/T 32907-2016 附录A 示例1: key = plaintext = 0123456789abcdeffedcba9876543210
    const key = Buffer.from("0123456789abcdeffedcba9876543210", "hex");
    const c = createCipheriv("sm4-ecb", key, null).setAutoPadding(false);
    const out = Buffer.concat([c.update(key), c.final()]).toString("hex");
    expect(out).toBe("681edf34d206965e86b3e94f536e4246");
  });
});
