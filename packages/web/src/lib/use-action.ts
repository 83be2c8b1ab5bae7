import { App } from "antd";
import { useState } from "react";
import type { ApiError } from "../api/client.js";
import { asApiError } from "../api/hooks.js";

/**
 * One step on a listed item (publish, suspend, close…): busy while it runs; when it went through, a success message
 * and `onDone` (the list reloads); a refusal lands in `error` for the page's alert.
 */
export function useAction(onDone: () => void) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();

  /** Resolves whether the step went through. */
  async function run(call: () => Promise<unknown>, done: string): Promise<boolean> {
    setBusy(true);
    setError(undefined);
    try {
      await call();
      message.success(done);
      onDone();
      return true;
    } catch (cause) {
      const apiError = asApiError(cause);
      if (apiError) setError(apiError);
      return false;
    } finally {
      setBusy(false);
    }
  }

  return { run, busy, error };
}

/**
 * A "new …" dialog, mounted only while open (`{dialog.open && <XDialog {...dialog.props(t("…"))} />}`): when it is
 * done it closes, says so, and the list behind it reloads.
 */
export function useCreateDialog(reload: () => void) {
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  return {
    open,
    show: () => setOpen(true),
    props: (doneMessage: string) => ({
      onClose: () => setOpen(false),
      onDone: () => {
        setOpen(false);
        message.success(doneMessage);
        reload();
      },
    }),
  };
}
