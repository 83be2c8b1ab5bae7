import type { FormInstance } from "antd";
import type { Lang } from "../i18n/index.js";
import type { ApiError } from "./client.js";

/**
 * Puts the server's field problems onto the form's own fields, leaving what the user typed in place.
 * Returns the problems that name no field of this form, so the caller can show them in its general alert.
 */
export function applyFieldErrors(
  form: FormInstance,
  error: ApiError,
  lang: Lang,
  knownFields: readonly string[],
): ApiError["fields"] {
  const unmatched: ApiError["fields"] = [];
  const updates: { name: string[]; errors: string[] }[] = [];
  for (const field of error.fields) {
    const name = field.path.replace(/^body\./, "");
    if (knownFields.includes(name)) {
      updates.push({ name: name.split("."), errors: [lang === "en" ? field.messageEn : field.message] });
    } else {
      unmatched.push(field);
    }
  }
  if (updates.length) form.setFields(updates);
  return unmatched;
}
