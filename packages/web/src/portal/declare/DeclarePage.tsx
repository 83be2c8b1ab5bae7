import { Button, Result } from "antd";
import { useEffect, useState } from "react";
import { Link, Navigate, useLocation, useNavigate, useSearchParams } from "react-router-dom";
import type { ApiError } from "../../api/client.js";
import { asApiError, useApi } from "../../api/hooks.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { PageSpin } from "../../components/Status.js";
import { useSession } from "../../context/SessionContext.js";
import { useI18n } from "../../i18n/index.js";
import { DeclareResult } from "./DeclareResult.js";
import { type Declared, DeclareWizard } from "./DeclareWizard.js";
import { DraftChooser } from "./DraftChooser.js";
import { type DraftView, getDraft } from "./drafts-api.js";

/** One draft from the address (`/declare?draft=<id>`), so that a reload comes back to it and to its step. */
function DraftLoader({ id, onDeclared }: { id: string; onDeclared: (result: Declared) => void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<DraftView>();
  const [error, setError] = useState<ApiError>();
  useEffect(() => {
    const controller = new AbortController();
    getDraft(id, controller.signal)
      .then(setDraft)
      .catch((cause: unknown) => setError(asApiError(cause)));
    return () => controller.abort();
  }, [id]);
  if (error?.status === 404 || error?.status === 400) {
    return (
      <Result
        status="404"
        title={t("declDraftNotFound")}
        data-testid="draft-not-found"
        extra={
          <Link to="/declare">
            <Button type="primary">{t("declDraftsTitle")}</Button>
          </Link>
        }
      />
    );
  }
  if (error) return <ErrorAlert error={error} />;
  if (!draft) return <PageSpin />;
  return <DeclareWizard key={draft.id} draft={draft} onDeclared={onDeclared} />;
}

/** The result after a reload: the status comes with the navigation, or is asked of the server. */
function ResultLoader({ code, status }: { code: string; status: string | undefined }) {
  const navigate = useNavigate();
  const record = useApi<{ status: string }>(status ? null : `/projects/${encodeURIComponent(code)}`);
  return <DeclareResult code={code} status={status ?? record.data?.status} onAnother={() => navigate("/declare")} />;
}

/**
 * 项目申报 (Art. 14(1)) in the portal: for a signed-in project unit only. Without a session the unit signs in
 * and comes back here; `?draft=<id>` is the draft being filled in, `?declared=<code>` the result.
 */
export function DeclarePage() {
  const { t } = useI18n();
  const { user, status, endReason, refresh } = useSession();
  const [params] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();

  // The portal does not ask who is signed in by itself; this page needs to know.
  useEffect(() => {
    if (status === "unknown") void refresh().catch(() => undefined);
  }, [status, refresh]);

  if (status !== "ready") return <PageSpin />;
  if (!user) {
    // After signing out here, come back to the list of drafts; after a lost session, to the same draft.
    const next = endReason === "signed_out" ? "/declare" : `${location.pathname}${location.search}`;
    const expired = endReason === "expired" ? "expired=1&" : "";
    return <Navigate to={`/admin/login?${expired}next=${encodeURIComponent(next)}`} replace />;
  }
  if (!user.permissions.includes("projects:declare")) {
    return (
      <div className="portal-main">
        <Result
          status="403"
          title={t("declNotUnitTitle")}
          subTitle={t("declNotUnitText")}
          data-testid="declare-not-unit"
          extra={
            <Link to="/admin">
              <Button type="primary">{t("declToBackOffice")}</Button>
            </Link>
          }
        />
      </div>
    );
  }

  const declared = params.get("declared");
  const draftId = params.get("draft");
  const declaredStatus = (location.state as { status?: string } | null)?.status;
  return (
    <div className="portal-main">
      {declared ? (
        <ResultLoader code={declared} status={declaredStatus} />
      ) : draftId ? (
        <DraftLoader
          key={draftId}
          id={draftId}
          onDeclared={(result) => navigate(`/declare?declared=${encodeURIComponent(result.code)}`, { replace: true, state: { status: result.status } })}
        />
      ) : (
        <DraftChooser onOpen={(id) => navigate(`/declare?draft=${encodeURIComponent(id)}`)} />
      )}
    </div>
  );
}
