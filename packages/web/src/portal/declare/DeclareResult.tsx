import { CheckCircleOutlined } from "@ant-design/icons";
import { Button, Card, Col, Result, Row, Space, Tag, Typography } from "antd";
import { Link } from "react-router-dom";
import { isDictKey, useI18n } from "../../i18n/index.js";
import { RequiredMattersList } from "./RequiredMattersList.js";

/** The declared project: its lifelong code at once (Art. 10), its status, public page and QR label. */
export function DeclareResult({ code, status, onAnother }: { code: string; status: string | undefined; onAnother: () => void }) {
  const { t } = useI18n();
  const statusKey = `status_${status ?? ""}`;
  const qr = `/api/v1/public/projects/${encodeURIComponent(code)}/label.svg`;
  return (
    <Card data-testid="declare-result">
      <Result
        status="success"
        icon={<CheckCircleOutlined />}
        title={t("declDoneTitle")}
        subTitle={t("declDoneText")}
        extra={
          <Row gutter={[24, 24]} justify="center" align="middle">
            <Col>
              <Space orientation="vertical" size="middle" align="center">
                <Typography.Text type="secondary">{t("codeField")}</Typography.Text>
                <Typography.Text copyable={{ text: code }} data-testid="declare-code" style={{ fontFamily: "monospace", fontSize: 28, fontWeight: 600, letterSpacing: 1 }}>
                  {code}
                </Typography.Text>
                {status && (
                  <Tag color="blue" data-testid="declare-status" style={{ fontSize: 14 }}>
                    {isDictKey(statusKey) ? t(statusKey) : status}
                  </Tag>
                )}
                <Link to={`/projects/${encodeURIComponent(code)}`} data-testid="declare-public-link">
                  {t("declPublicPage")}
                </Link>
              </Space>
            </Col>
            <Col>
              <img src={qr} alt={t("qrAlt", { code })} width={180} height={180} data-testid="declare-qr" />
            </Col>
          </Row>
        }
      />
      <RequiredMattersList code={code} />
      <div style={{ textAlign: "center" }}>
        <Button onClick={onAnother} data-testid="decl-another">
          {t("declAnother")}
        </Button>
      </div>
    </Card>
  );
}
