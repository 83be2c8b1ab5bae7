import { createHash, randomBytes } from "node:crypto";

/** SM3 (GB/T 32905-2016) digest in lowercase hex, from node:crypto (OpenSSL 3). */
export function sm3Hex(data: string | Buffer): string {
  return createHash("sm3").update(data).digest("hex");
}

/** An unguessable token (256 bits) in base64url, for sessions and CSRF. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}
