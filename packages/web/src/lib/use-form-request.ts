import type { FormInstance } from "antd";
import { useState } from "react";
import type { ApiError } from "../api/client.js";
import { applyFieldErrors } from "../api/form-errors.js";
import { asApiError } from "../api/hooks.js";
import { useI18n } from "../i18n/index.js";

/**
 * The requests of one form (save, submit, upload): busy while one runs; a refusal's field problems go onto the
 * form's fields and the rest (`error`, `unmatched`) into its alert: `<ErrorAlert error={error} fields={unmatched} />`.
 * `fields` lists the form's field paths, or decides for paths with list indexes.
 */
export function useFormRequest(form: FormInstance, fields: readonly string[] | ((path: string) => boolean)) {
  const { lang } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [unmatched, setUnmatched] = useState<ApiError["fields"]>();

  async function run(call: () => Promise<void>): Promise<void> {
    setBusy(true);
    setError(undefined);
    try {
      await call();
    } catch (cause) {
      const apiError = asApiError(cause);
      if (!apiError) return;
      setUnmatched(applyFieldErrors(form, apiError, lang, fields));
      setError(apiError);
    } finally {
      setBusy(false);
    }
  }

  // setError: a problem outside the requests (a picker's own loading) shows in the same alert.
  return { run, busy, error, unmatched, setError };
}
