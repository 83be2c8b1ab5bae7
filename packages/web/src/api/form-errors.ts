import type { FormInstance } from "antd";
import type { Lang } from "../i18n/index.js";
import type { ApiError } from "./client.js";

/**
 * Puts the server's field problems onto the form's own fields, leaving what the user typed in place.
 * Returns the problems that name no field of this form, so the caller can show them in its general alert.
 * `knownFields` lists the form's field paths, or decides for paths with list indexes ("sites.0.address").
 */
export function applyFieldErrors(
  form: FormInstance,
  error: ApiError,
  lang: Lang,
  knownFields: readonly string[] | ((path: string) => boolean),
): ApiError["fields"] {
  const known = typeof knownFields === "function" ? knownFields : (path: string) => knownFields.includes(path);
  const unmatched: ApiError["fields"] = [];
  const updates: { name: (string | number)[]; errors: string[] }[] = [];
  for (const field of error.fields) {
    const name = field.path.replace(/^body\./, "");
    if (known(name)) {
      updates.push({ name: toNamePath(name), errors: [lang === "en" ? field.messageEn : field.message] });
    } else {
      unmatched.push(field);
    }
  }
  if (updates.length) form.setFields(updates);
  return unmatched;
}

/**
 * A server path ("sites.0.regionCode") as the form's name path: list items are addressed by number
 * (["sites", 0, "regionCode"]), which is how Form.List names its fields; a name path with the string "0"
 * would match no field.
 */
export function toNamePath(path: string): (string | number)[] {
  return path.split(".").map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}
