import { Card, Col, Row } from "antd";
import { useI18n } from "../../i18n/index.js";
import { IndustryTree } from "./IndustryTree.js";
import { RegionBrowser } from "./RegionBrowser.js";

/** 参考数据: the division and industry tables declarations are coded against (spec §4). */
export function ReferencePage() {
  const { t } = useI18n();
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={12}>
        <Card title={t("refRegions")} data-testid="reference-regions">
          <RegionBrowser />
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card title={t("refIndustries")} data-testid="reference-industries">
          <IndustryTree />
        </Card>
      </Col>
    </Row>
  );
}
