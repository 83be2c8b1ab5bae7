import { useCallback, useEffect, useState } from "react";
import { ApiError, api, type Query } from "./client.js";

export interface Loaded<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload(): void;
}

function asApiError(cause: unknown): ApiError | undefined {
  if (cause instanceof DOMException && cause.name === "AbortError") return undefined;
  if (cause instanceof ApiError) return cause;
  return new ApiError(0, { code: "CLIENT_ERROR", message: String(cause), messageEn: String(cause), requestId: "" });
}

/**
 * GETs `path` (null: nothing yet) and again whenever the path or query changes; an answer for an older request
 * never overwrites a newer one (the older fetch is aborted).
 */
export function useApi<T>(path: string | null, query?: Query): Loaded<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<ApiError>();
  const [loading, setLoading] = useState(path !== null);
  const [generation, setGeneration] = useState(0);
  const queryKey = JSON.stringify(query ?? {});

  // biome-ignore lint/correctness/useExhaustiveDependencies: `generation` is how reload() asks for a fresh fetch.
  useEffect(() => {
    if (path === null) return;
    const controller = new AbortController();
    setLoading(true);
    setError(undefined);
    api<T>(path, { query: JSON.parse(queryKey) as Query, signal: controller.signal })
      .then((answer) => {
        setData(answer);
        setLoading(false);
      })
      .catch((cause: unknown) => {
        const apiError = asApiError(cause);
        if (!apiError) return;
        setError(apiError);
        setLoading(false);
      });
    return () => controller.abort();
  }, [path, queryKey, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { data, error, loading, reload };
}

export { asApiError };
