import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { useLocation } from "react-router-dom";
import { ApiError, api, onSessionLost, setCsrfToken } from "../api/client.js";
import type { SessionAnswer, SessionUser } from "../api/types.js";

type Status = "unknown" | "loading" | "ready";
/** Why there is no user any more: the back office's guard picks the sign-in page's message from it. */
export type EndReason = "expired" | "signed_out" | null;

interface SessionState {
  user: SessionUser | null;
  status: Status;
  endReason: EndReason;
  /** Asks the server who is signed in (after a reload, after enrolling a second factor). */
  refresh(): Promise<SessionUser | null>;
  login(input: { username: string; password: string; otp?: string }): Promise<SessionUser>;
  logout(): Promise<void>;
  can(permission: string): boolean;
}

const SessionContext = createContext<SessionState | null>(null);

/** Only a path inside the back office (or the portal's declaration wizard) is a safe place to return to after signing in. */
export function safeNext(next: string | null): string {
  return next && /^\/(admin|declare)(\/|$|\?)/.test(next) && !next.startsWith("/admin/login") ? next : "/admin/workbench";
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<SessionUser | null>(null);
  const [status, setStatus] = useState<Status>("unknown");
  const [endReason, setEndReason] = useState<EndReason>(null);
  const location = useLocation();

  const refresh = useCallback(async () => {
    setStatus((s) => (s === "ready" ? s : "loading"));
    try {
      const answer = await api<SessionAnswer>("/auth/session", { unauthenticatedIsAnswer: true });
      setCsrfToken(answer.csrfToken);
      setUser(answer.user);
      return answer.user;
    } catch (cause) {
      if (!(cause instanceof ApiError) || cause.status !== 401) throw cause;
      setCsrfToken(null);
      setUser(null);
      return null;
    } finally {
      setStatus("ready");
    }
  }, []);

  // The portal needs no session: ask the server only once the back office is opened.
  const inBackOffice = location.pathname.startsWith("/admin");
  useEffect(() => {
    if (inBackOffice && status === "unknown") void refresh().catch(() => setStatus("ready"));
  }, [inBackOffice, status, refresh]);

  // No navigation here: clearing the user makes RequireSession redirect, once, with the reason (navigating
  // here as well would race with that redirect).
  useEffect(() => {
    onSessionLost(() => {
      setCsrfToken(null);
      setEndReason("expired");
      setUser(null);
      setStatus("ready");
    });
    return () => onSessionLost(null);
  }, []);

  const login = useCallback(async (input: { username: string; password: string; otp?: string }) => {
    const answer = await api<SessionAnswer>("/auth/login", { method: "POST", body: input, unauthenticatedIsAnswer: true });
    setCsrfToken(answer.csrfToken);
    setEndReason(null);
    setUser(answer.user);
    setStatus("ready");
    return answer.user;
  }, []);

  const logout = useCallback(async () => {
    try {
      await api<void>("/auth/logout", { method: "POST", unauthenticatedIsAnswer: true });
    } finally {
      setCsrfToken(null);
      setEndReason("signed_out");
      setUser(null);
    }
  }, []);

  const value = useMemo<SessionState>(
    () => ({ user, status, endReason, refresh, login, logout, can: (p) => !!user?.permissions.includes(p) }),
    [user, status, endReason, refresh, login, logout],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const value = useContext(SessionContext);
  if (!value) throw new Error("useSession outside SessionProvider");
  return value;
}
