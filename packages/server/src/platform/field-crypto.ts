import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * SM4 field encryption (GB/T 32907-2016) for secrets kept in the database, such as second-factor seeds
 * (等保三级 8.1.4.8 数据保密性). SM4-CBC with a random IV, then HMAC-SM3 over IV and ciphertext
 * (encrypt-then-MAC), because node:crypto offers no SM4-GCM. The 32-byte key splits into an encryption and a
 * MAC half. Stored form: `sm4:v1:<iv>:<ciphertext>:<mac>` in base64url.
 */
export class FieldCipher {
  private readonly encKey: Buffer;
  private readonly macKey: Buffer;

  constructor(keyHex: string) {
    const key = Buffer.from(keyHex, "hex");
    if (key.length !== 32) throw new Error("FIELD_ENCRYPTION_KEY must be 64 hex characters (32 bytes)");
    this.encKey = key.subarray(0, 16);
    this.macKey = key.subarray(16);
  }

  encrypt(plain: string): string {
    const iv = randomBytes(16);
    const cipher = createCipheriv("sm4-cbc", this.encKey, iv);
    const ct = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
    const mac = this.mac(iv, ct);
    return ["sm4", "v1", iv.toString("base64url"), ct.toString("base64url"), mac.toString("base64url")].join(":");
  }

  decrypt(stored: string): string {
    const [scheme, version, ivB, ctB, macB] = stored.split(":");
    if (scheme !== "sm4" || version !== "v1" || !ivB || !ctB || !macB) throw new Error("not an SM4 field value");
    const iv = Buffer.from(ivB, "base64url");
    const ct = Buffer.from(ctB, "base64url");
    const mac = Buffer.from(macB, "base64url");
    const expected = this.mac(iv, ct);
    if (mac.length !== expected.length || !timingSafeEqual(mac, expected)) throw new Error("SM4 field value failed its integrity check");
    const decipher = createDecipheriv("sm4-cbc", this.encKey, iv);
    return Buffer.concat([decipher.update(ct), decipher.final()]).toString("utf8");
  }

  private mac(iv: Buffer, ct: Buffer): Buffer {
    return createHmac("sm3", this.macKey).update(iv).update(ct).digest();
  }
}

/** The key used in demo mode only, so that a laptop demo needs no set-up. Never valid outside demo mode. */
export const DEMO_FIELD_KEY = "64656d6f2d6f6e6c792d6b65792d6e6f742d666f722d70726f64756374696f6e";
