import { Modal, Table } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useApi } from "../../api/hooks.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { useI18n } from "../../i18n/index.js";
import { formatInstant } from "../../lib/format.js";
import type { AdminMatter, MatterVersion } from "./types.js";

/** Every master-data version of a matter, newest first: who changed it, when, why, and the limits it had. */
export function MatterVersions({ matter, onClose }: { matter: AdminMatter; onClose(): void }) {
  const { t } = useI18n();
  const { data, error, loading } = useApi<{ items: MatterVersion[] }>(`/catalogue/matters/${encodeURIComponent(matter.code)}/versions`);
  const columns: ColumnsType<MatterVersion> = [
    { title: t("catVersion"), dataIndex: "version", render: (v: number) => `v${v}` },
    { title: t("catChangedAt"), dataIndex: "changedAt", render: (v: string) => formatInstant(v) },
    { title: t("catChangedBy"), dataIndex: "changedBy", render: (v: string | null) => v ?? t("catSystem") },
    { title: t("catReason"), dataIndex: "reason" },
    { title: t("guideMatterName"), dataIndex: "name" },
    { title: t("catDepartment"), dataIndex: "department" },
    { title: t("catStatutory"), key: "statutory", render: (_, v) => v.statutoryWorkingDays ?? v.statutoryCalendarDays ?? "—" },
    { title: t("catPromised"), dataIndex: "promisedWorkingDays" },
  ];
  return (
    <Modal open width={900} title={t("catVersionsOf", { name: matter.name })} footer={null} onCancel={onClose} destroyOnHidden>
      <ErrorAlert error={error} style={{ marginBottom: 16 }} />
      <Table<MatterVersion> rowKey="version" size="small" loading={loading} columns={columns} dataSource={data?.items ?? []} pagination={false} data-testid="catalogue-matter-versions" />
    </Modal>
  );
}
