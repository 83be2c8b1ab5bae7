import { useCallback, useEffect, useRef, useState } from "react";
import type { ApiError } from "../../api/client.js";
import { asApiError } from "../../api/hooks.js";
import { type DraftBody, saveDraft } from "./drafts-api.js";

export type SaveState =
  | { kind: "saved"; at: string }
  | { kind: "dirty" }
  | { kind: "saving" }
  | { kind: "paused" }
  | { kind: "error"; error: ApiError };

/** How long after the last keystroke the draft is saved. */
export const AUTOSAVE_DELAY_MS = 1500;
const RETRY_DELAY_MS = 5000;

type Timer = { current: ReturnType<typeof setTimeout> | undefined };

function cancel(timer: Timer): void {
  if (timer.current !== undefined) clearTimeout(timer.current);
  timer.current = undefined;
}

/**
 * Saves the draft: at once when asked (every step change), AUTOSAVE_DELAY_MS after the last change otherwise,
 * one request at a time and never the same content twice. `snapshot` answers what to save, or null when
 * nothing may be saved (a classified project, Art. 3). When the page is left with unsaved changes, a last
 * save is sent that outlives the page.
 */
export function useDraftSaver(draftId: string, snapshot: () => DraftBody | null, savedAt: string) {
  const [state, setState] = useState<SaveState>({ kind: "saved", at: savedAt });
  const lastSaved = useRef<string | null>(null);
  const chain = useRef<Promise<unknown>>(Promise.resolve());
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const snapshotRef = useRef(snapshot);
  snapshotRef.current = snapshot;
  const mounted = useRef(true);
  const stopped = useRef(false);
  const update = useCallback((next: SaveState) => {
    if (mounted.current) setState(next);
  }, []);


  /** Saves now (after any save in flight); resolves true once the current content is stored. */
  const flush = useCallback((): Promise<boolean> => {
    cancel(timer);
    const run = async (): Promise<boolean> => {
      if (stopped.current) return false;
      const body = snapshotRef.current();
      if (!body) {
        update({ kind: "paused" });
        return false;
      }
      const text = JSON.stringify(body);
      if (text === lastSaved.current) return true;
      update({ kind: "saving" });
      try {
        const saved = await saveDraft(draftId, body);
        lastSaved.current = text;
        // Typing during the request made it stale: the pending timer saves the rest.
        update(timer.current === undefined ? { kind: "saved", at: saved.updatedAt } : { kind: "dirty" });
        return true;
      } catch (cause) {
        const error = asApiError(cause);
        if (error) update({ kind: "error", error });
        // A network failure or a server fault is retried; a refusal (4xx) is shown until the next change.
        if (error && (error.status === 0 || error.status >= 500) && mounted.current && timer.current === undefined) {
          timer.current = setTimeout(() => void flush(), RETRY_DELAY_MS);
        }
        return false;
      }
    };
    const next = chain.current.then(run, run);
    chain.current = next;
    return next;
  }, [draftId, update]);

  /** A change was typed: save once typing pauses. */
  const changed = useCallback(() => {
    cancel(timer);
    update({ kind: "dirty" });
    timer.current = setTimeout(() => {
      timer.current = undefined;
      void flush();
    }, AUTOSAVE_DELAY_MS);
  }, [flush, update]);

  /** No more saves (the draft was declared and deleted, or the unit signs out after a last save). */
  const stop = useCallback(() => {
    stopped.current = true;
    cancel(timer);
  }, []);

  /** The content just loaded from the server counts as saved. */
  const markSaved = useCallback((body: DraftBody) => {
    lastSaved.current = JSON.stringify(body);
  }, []);

  useEffect(() => {
    mounted.current = true;
    // Leaving the page (reload, closing the tab): send what is unsaved with a request that outlives the page.
    const onHide = () => {
      if (stopped.current) return;
      const body = snapshotRef.current();
      if (!body || JSON.stringify(body) === lastSaved.current) return;
      cancel(timer);
      lastSaved.current = JSON.stringify(body);
      void saveDraft(draftId, body, true).catch(() => undefined);
    };
    window.addEventListener("pagehide", onHide);
    return () => {
      window.removeEventListener("pagehide", onHide);
      mounted.current = false;
      // Leaving the wizard inside the app: the same last save, from the values already captured.
      onHide();
    };
  }, [draftId]);

  return { state, flush, changed, markSaved, stop };
}
