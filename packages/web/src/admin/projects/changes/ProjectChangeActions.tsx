import { Button, Space } from "antd";
import { useState } from "react";
import { useSession } from "../../../context/SessionContext.js";
import { useI18n } from "../../../i18n/index.js";
import type { ProjectRecord } from "../types.js";
import { CHANGE_KIND_LABEL, type ChangeKind, type ChangeOutcome, changeKindsFor } from "./change-kinds.js";
import { ChangeDeclarationDrawer } from "./ChangeDeclarationDrawer.js";
import { ChangeOutcomeView } from "./ChangeOutcomeView.js";
import { StatusChangeDialog } from "./StatusChangeDialog.js";

/**
 * The project unit's applications on one project (变更、延期、中止、撤回, Art. 12 and 14(1)): the buttons its
 * state allows, the dialog or form of each, and what the last one did.
 */
export function ProjectChangeActions({ project, onChanged, onOpen }: { project: ProjectRecord; onChanged: () => void; onOpen: (code: string) => void }) {
  const { t } = useI18n();
  const { can } = useSession();
  const [applying, setApplying] = useState<ChangeKind | null>(null);
  // The outcome belongs to the code it was applied to; another project shown in the drawer does not show it.
  const [outcome, setOutcome] = useState<{ forCode: string; outcome: ChangeOutcome } | null>(null);
  const kinds = can("projects:declare") ? changeKindsFor(project.status) : [];

  function done(result: ChangeOutcome) {
    setApplying(null);
    setOutcome({ forCode: project.code, outcome: result });
    onChanged();
  }

  const shown = outcome?.forCode === project.code ? outcome.outcome : null;
  return (
    <>
      {shown && <ChangeOutcomeView outcome={shown} onOpen={onOpen} onClose={() => setOutcome(null)} />}
      {kinds.length > 0 && (
        <Space wrap style={{ marginBottom: 16 }} title={t("chgActionsHint")} data-testid="project-change-actions">
          {kinds.map((kind) => (
            <Button key={kind} danger={kind === "withdrawal"} onClick={() => setApplying(kind)} data-testid={`project-change-${kind}`}>
              {t(CHANGE_KIND_LABEL[kind])}
            </Button>
          ))}
        </Space>
      )}
      {(applying === "suspension" || applying === "withdrawal") && (
        <StatusChangeDialog code={project.code} kind={applying} onDone={done} onClose={() => setApplying(null)} />
      )}
      {(applying === "adjustment" || applying === "extension") && (
        <ChangeDeclarationDrawer code={project.code} kind={applying} declaration={project.declaration} onDone={done} onClose={() => setApplying(null)} />
      )}
    </>
  );
}
