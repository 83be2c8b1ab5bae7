import { Button, Space, Table, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { useI18n } from "../../i18n/index.js";
import { STAGE_LABELS } from "../../portal/guides/types.js";
import { MatterForm } from "./MatterForm.js";
import { MatterVersions } from "./MatterVersions.js";
import type { AdminMatter, MatterList } from "./types.js";

/** The matter catalogue with each matter's current master-data version; edit (with a reason) and history. */
export function MattersTab({ list, loading, onChanged }: { list: MatterList; loading: boolean; onChanged(): void }) {
  const { t, pick } = useI18n();
  const [editing, setEditing] = useState<AdminMatter>();
  const [history, setHistory] = useState<AdminMatter>();
  const days = (n: number | null, calendar: number | null) => (n !== null ? t("catWorkingDays", { n }) : calendar !== null ? t("catCalendarDays", { n: calendar }) : "—");

  const columns: ColumnsType<AdminMatter> = [
    { title: t("guideMatterCode"), dataIndex: "code", render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
    { title: t("guideMatterName"), dataIndex: "name" },
    { title: t("catDepartment"), dataIndex: "department" },
    { title: t("catStage"), dataIndex: "stage", render: (v: string) => pick(STAGE_LABELS[v], v) },
    { title: t("catStatutory"), key: "statutory", render: (_, m) => days(m.statutoryWorkingDays, m.statutoryCalendarDays) },
    { title: t("catPromised"), key: "promised", render: (_, m) => <span data-testid={`catalogue-promised-${m.code}`}>{days(m.promisedWorkingDays, null)}</span> },
    { title: t("catVersion"), dataIndex: "version", render: (v: number, m) => <span data-testid={`catalogue-version-${m.code}`}>v{v}</span> },
    { title: t("catActiveRules"), dataIndex: "activeRules" },
    {
      title: "",
      key: "actions",
      render: (_, m) => (
        <Space>
          {m.editable && (
            <Button size="small" onClick={() => setEditing(m)} data-testid={`catalogue-edit-${m.code}`}>
              {t("guideEdit")}
            </Button>
          )}
          <Button size="small" onClick={() => setHistory(m)} data-testid={`catalogue-versions-${m.code}`}>
            {t("catHistory")}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <>
      <Table<AdminMatter> rowKey="code" size="small" loading={loading} columns={columns} dataSource={list.items} pagination={false} data-testid="catalogue-matters" />
      {editing && (
        <MatterForm
          matter={editing}
          departments={list.departments}
          onClose={() => setEditing(undefined)}
          onSaved={() => {
            setEditing(undefined);
            onChanged();
          }}
        />
      )}
      {history && <MatterVersions matter={history} onClose={() => setHistory(undefined)} />}
    </>
  );
}
