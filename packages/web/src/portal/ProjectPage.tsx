import { DownloadOutlined } from "@ant-design/icons";
import { Alert, Breadcrumb, Button, Card, Col, Descriptions, Result, Row, Space, Table, Tag, Typography } from "antd";
import type { ReactNode } from "react";
import { Link, useParams } from "react-router-dom";
import { useApi } from "../api/hooks.js";
import { ErrorAlert } from "../components/ErrorAlert.js";
import { PageSpin } from "../components/Status.js";
import { ParallelCases } from "../admin/cases/ParallelCases.js";
import type { ProjectCases } from "../admin/cases/types.js";
import { usePlatform } from "../context/PlatformContext.js";
import { useSession } from "../context/SessionContext.js";
import { isDictKey, useI18n } from "../i18n/index.js";

/** `GET /api/v1/public/projects/{code}` (interface specification §3, Art. 18). */
export interface PublicProject {
  code: string;
  name: string;
  unitName: string;
  regionCode: string;
  status: string;
  approvalCategory: string;
  matters: PublicMatter[];
}

export interface PublicMatter {
  name: string;
  department: string;
  status: string;
  acceptedOn?: string;
  completedOn?: string;
  result?: string;
  documentNumber?: string;
  documentTitle?: string;
}

/** GB/T 2260 code of sites spanning provinces (spec §2); it is no division, so there is nothing to look up. */
const ACROSS_PROVINCES = "100000";

function useLabel() {
  const { t } = useI18n();
  // Server values the dictionary does not know yet show as they are rather than disappearing.
  return (prefix: string, value: string | undefined) => {
    if (!value) return "";
    const key = `${prefix}${value}`;
    return isDictKey(key) ? t(key) : value;
  };
}

function RegionName({ code }: { code: string }) {
  const { t } = useI18n();
  const region = useApi<{ fullName: string }>(code === ACROSS_PROVINCES ? null : `/reference/regions/${encodeURIComponent(code)}`);
  const name = code === ACROSS_PROVINCES ? t("regionAcrossProvinces") : region.data?.fullName;
  return (
    <span data-testid="project-region">
      {name ? `${name} ` : ""}
      <Typography.Text type="secondary">({code})</Typography.Text>
    </span>
  );
}

function QrLabel({ code }: { code: string }) {
  const { t } = useI18n();
  const base = `/api/v1/public/projects/${encodeURIComponent(code)}/label`;
  return (
    <Card title={t("qrTitle")} size="small" style={{ textAlign: "center", height: "100%" }}>
      <img src={`${base}.svg`} alt={t("qrAlt", { code })} width={180} height={180} data-testid="project-qr" />
      <Typography.Paragraph type="secondary" style={{ margin: "8px 0" }}>
        {t("qrHint")}
      </Typography.Paragraph>
      <Button icon={<DownloadOutlined />} href={`${base}.png`} download={`${code}.png`} data-testid="project-qr-png">
        {t("qrDownload")}
      </Button>
    </Card>
  );
}

function MattersTable({ matters }: { matters: PublicMatter[] }) {
  const { t } = useI18n();
  const label = useLabel();
  return (
    <Card title={t("mattersTitle")} size="small" style={{ marginTop: 16 }}>
      <Table<PublicMatter>
        data-testid="project-matters"
        rowKey={(m) => `${m.name}|${m.department}`}
        dataSource={matters}
        pagination={false}
        size="small"
        scroll={{ x: true }}
        locale={{ emptyText: t("mattersEmpty") }}
        columns={[
          { key: "name", title: t("matterName"), dataIndex: "name" },
          { key: "department", title: t("matterDepartment"), dataIndex: "department" },
          { key: "status", title: t("matterStatus"), render: (_, m) => label("matterStatus_", m.status) },
          { key: "acceptedOn", title: t("matterAcceptedOn"), dataIndex: "acceptedOn" },
          { key: "completedOn", title: t("matterCompletedOn"), dataIndex: "completedOn" },
          { key: "result", title: t("matterResult"), render: (_, m) => label("matterResult_", m.result) },
          { key: "documentNumber", title: t("matterDocumentNumber"), dataIndex: "documentNumber" },
          { key: "documentTitle", title: t("matterDocumentTitle"), dataIndex: "documentTitle" },
        ]}
      />
    </Card>
  );
}

function ProjectRecord({ project, requested }: { project: PublicProject; requested: string }) {
  const { t } = useI18n();
  const label = useLabel();
  return (
    <>
      {/* Art. 13: the code is shown together with the project name. */}
      <Typography.Title level={3} data-testid="project-name" style={{ marginBottom: 4 }}>
        {project.name}
      </Typography.Title>
      <Space wrap style={{ marginBottom: 16 }}>
        <Typography.Text>{t("codeField")}</Typography.Text>
        <Typography.Text code copyable data-testid="project-code">
          {project.code}
        </Typography.Text>
        <Tag color="blue" data-testid="project-status">
          {label("status_", project.status)}
        </Tag>
      </Space>
      {requested !== project.code && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t("legacyMapped", { legacy: requested, code: project.code })} />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} md={16}>
          <Card title={t("projectPublicTitle")} size="small" style={{ height: "100%" }}>
            <Descriptions
              column={1}
              bordered
              size="small"
              items={[
                { key: "name", label: t("projectName"), children: project.name },
                { key: "code", label: t("codeField"), children: <Typography.Text code>{project.code}</Typography.Text> },
                { key: "unit", label: t("projectUnit"), children: <span data-testid="project-unit">{project.unitName}</span> },
                { key: "region", label: t("projectRegion"), children: <RegionName code={project.regionCode} /> },
                { key: "status", label: t("projectStatus"), children: label("status_", project.status) },
                {
                  key: "category",
                  label: t("approvalCategory"),
                  children: <span data-testid="project-category">{label("category_", project.approvalCategory)}</span>,
                },
              ]}
            />
            <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
              {t("projectPublicBasis")}
            </Typography.Paragraph>
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <QrLabel code={project.code} />
        </Col>
      </Row>
      <MattersTable matters={project.matters} />
      <OwnProjectCases code={project.code} status={project.status} />
    </>
  );
}

/**
 * The signed-in unit's own project: its matters side by side with their clocks (并联审批), as in 我的项目. The
 * server answers only the owner (and departments in scope); anyone else sees the public table alone.
 */
function OwnProjectCases({ code, status }: { code: string; status: string }) {
  const { user } = useSession();
  const own = user?.role === "project_unit" ? `/projects/${encodeURIComponent(code)}/cases` : null;
  const { data } = useApi<ProjectCases>(own);
  if (!own || data?.code !== code) return null;
  return (
    <Card size="small" style={{ marginTop: 16 }} data-testid="portal-own-cases">
      <ParallelCases view={data} projectStatus={status} />
    </Card>
  );
}

/** 项目公开信息 (Art. 13, 18): what anyone may see of a project, reached from the code search or a QR label. */
export function ProjectPage() {
  const { t } = useI18n();
  const { name } = usePlatform();
  const code = useParams().code ?? "";
  const { data, error, loading, reload } = useApi<PublicProject>(`/public/projects/${encodeURIComponent(code)}`);
  const back = (
    <Link to="/" data-testid="back-to-search">
      <Button type="primary">{t("backToSearch")}</Button>
    </Link>
  );

  let body: ReactNode;
  if (loading) body = <PageSpin />;
  else if (error?.status === 404) {
    body = (
      <Result
        status="404"
        data-testid="project-not-found"
        title={t("projectNotFound")}
        subTitle={t("projectNotFoundText", { code })}
        extra={back}
      />
    );
  } else if (error) {
    body = (
      <Space orientation="vertical" style={{ width: "100%" }} data-testid="project-error">
        <ErrorAlert error={error} />
        <Space>
          {back}
          {error.status !== 422 && <Button onClick={reload}>{t("retry")}</Button>}
        </Space>
      </Space>
    );
  } else if (data) body = <ProjectRecord project={data} requested={code.trim().toUpperCase()} />;

  return (
    <div className="portal-main" data-testid="project-page">
      <Breadcrumb
        style={{ marginBottom: 16 }}
        items={[{ title: <Link to="/">{name}</Link> }, { title: t("projectPublicTitle") }, { title: code }]}
      />
      {body}
    </div>
  );
}
