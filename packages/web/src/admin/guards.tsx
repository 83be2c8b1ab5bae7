import type { ReactNode } from "react";
import { Navigate, Outlet, useLocation } from "react-router-dom";
import { Forbidden, PageSpin } from "../components/Status.js";
import { useSession } from "../context/SessionContext.js";

/**
 * The back office needs a session; a user who must enrol a second factor sees only the enrolment page
 * (the server refuses everything else for them too).
 */
export function RequireSession() {
  const { user, status, endReason } = useSession();
  const location = useLocation();
  if (status !== "ready") return <PageSpin />;
  if (!user) {
    if (endReason === "signed_out") return <Navigate to="/admin/login" replace />;
    const next = encodeURIComponent(location.pathname + location.search);
    const expired = endReason === "expired" ? "expired=1&" : "";
    return <Navigate to={`/admin/login?${expired}next=${next}`} replace />;
  }
  if (user.mustEnrolSecondFactor && location.pathname !== "/admin/enrol") {
    return <Navigate to="/admin/enrol" replace />;
  }
  return <Outlet />;
}

export function RequirePermission({ permission, children }: { permission: string | null; children: ReactNode }) {
  const { can } = useSession();
  if (permission !== null && !can(permission)) return <Forbidden />;
  return <>{children}</>;
}
