import type { ErrorBody, ErrorField } from "@tzxm/shared";
import { translate } from "../i18n/index.js";

/**
 * The one way the web app talks to the server. Same-origin cookie session; the CSRF token lives in memory only
 * (never in storage, so a script injected elsewhere cannot read it back later) and is refreshed from
 * GET /auth/session after a reload.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly messageZh: string;
  readonly messageEn: string;
  readonly fields: ErrorField[];
  readonly requestId: string | undefined;

  constructor(status: number, body: ErrorBody["error"]) {
    super(body.messageEn);
    this.name = "ApiError";
    this.status = status;
    this.code = body.code;
    this.messageZh = body.message;
    this.messageEn = body.messageEn;
    this.fields = body.fields ?? [];
    this.requestId = body.requestId || undefined;
  }
}

/** Codes after which the user must sign in again (the session ended or never existed). */
export const SESSION_LOST_CODES = new Set(["NOT_AUTHENTICATED", "SESSION_EXPIRED"]);

const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

let csrfToken: string | null = null;
let sessionLostHandler: ((error: ApiError) => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The session provider registers how to send the user to the sign-in page. */
export function onSessionLost(handler: ((error: ApiError) => void) | null): void {
  sessionLostHandler = handler;
}

export type Query = Record<string, string | number | boolean | undefined | null>;

export interface RequestOptions {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  body?: unknown;
  query?: Query;
  signal?: AbortSignal;
  /** A 401 here is an answer, not a lost session (the session probe, the sign-in form). */
  unauthenticatedIsAnswer?: boolean;
  /** Lets the request outlive the page (a last save while the page unloads). */
  keepalive?: boolean;
}

function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== "object" || value === null || !("error" in value)) return false;
  const error = (value as { error: unknown }).error;
  return typeof error === "object" && error !== null && typeof (error as { code?: unknown }).code === "string";
}

export function buildUrl(path: string, query?: Query): string {
  const base = path.startsWith("/api/") ? path : `/api/v1${path}`;
  if (!query) return base;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== "") params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${base}?${text}` : base;
}

function localError(status: number, key: "errNetwork" | "errUnexpected", requestId?: string | null): ApiError {
  return new ApiError(status, {
    code: status === 0 ? "NETWORK_ERROR" : "UNEXPECTED_RESPONSE",
    message: translate("zh", key, { status }),
    messageEn: translate("en", key, { status }),
    requestId: requestId ?? "",
  });
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  const method = options.method ?? "GET";
  const headers: Record<string, string> = { accept: "application/json" };
  if (options.body !== undefined) headers["content-type"] = "application/json";
  if (MUTATING.has(method) && csrfToken) headers["x-csrf-token"] = csrfToken;
  try {
    return await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: "same-origin",
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal: options.signal ?? null,
      keepalive: options.keepalive ?? false,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === "AbortError") throw cause;
    throw localError(0, "errNetwork");
  }
}

async function readError(response: Response): Promise<ApiError> {
  const requestId = response.headers.get("x-request-id");
  try {
    const body: unknown = await response.json();
    if (isErrorBody(body)) return new ApiError(response.status, body.error);
  } catch {
    // Not JSON (a proxy's error page): fall through to the generic message.
  }
  return localError(response.status, "errUnexpected", requestId);
}

/** Fetches the CSRF token again (after a reload or when the server says ours is stale). */
export async function refreshCsrfToken(): Promise<boolean> {
  const response = await send("/auth/session", {});
  if (!response.ok) return false;
  const body = (await response.json()) as { csrfToken?: string };
  const changed = typeof body.csrfToken === "string" && body.csrfToken !== csrfToken;
  if (typeof body.csrfToken === "string") csrfToken = body.csrfToken;
  return changed;
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? "GET";
  let response = await send(path, options);
  // A stale CSRF token (another tab signed in again) answers 403: fetch the current one and retry once.
  if (response.status === 403 && MUTATING.has(method) && (await refreshCsrfToken())) {
    response = await send(path, options);
  }
  if (response.ok) {
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }
  const error = await readError(response);
  if (response.status === 401 && SESSION_LOST_CODES.has(error.code) && !options.unauthenticatedIsAnswer) {
    sessionLostHandler?.(error);
  }
  throw error;
}

export interface UploadOptions {
  /** POST (default) adds a file; PUT replaces the one file a resource has (a case's decision document). */
  method?: "POST" | "PUT";
  /** Extra headers (a file name in `x-file-name`). */
  headers?: Record<string, string>;
  /** Called with 0–100 while the bytes go up. */
  onProgress?: (percent: number) => void;
}

/**
 * Sends a file's raw bytes (application/octet-stream: the server judges the type from the name and the bytes).
 * XMLHttpRequest rather than fetch, for upload progress; answers and errors as `api` does.
 */
export function uploadRaw<T>(path: string, file: Blob, options: UploadOptions = {}): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(options.method ?? "POST", buildUrl(path));
    xhr.setRequestHeader("accept", "application/json");
    xhr.setRequestHeader("content-type", "application/octet-stream");
    if (csrfToken) xhr.setRequestHeader("x-csrf-token", csrfToken);
    for (const [name, value] of Object.entries(options.headers ?? {})) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) options.onProgress?.(Math.round((event.loaded / event.total) * 100));
    };
    xhr.onerror = () => reject(localError(0, "errNetwork"));
    xhr.onload = () => {
      let body: unknown;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(body as T);
      const error = isErrorBody(body) ? new ApiError(xhr.status, body.error) : localError(xhr.status, "errUnexpected", xhr.getResponseHeader("x-request-id"));
      if (xhr.status === 401 && SESSION_LOST_CODES.has(error.code)) sessionLostHandler?.(error);
      reject(error);
    };
    xhr.send(file);
  });
}
