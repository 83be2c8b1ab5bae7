import { ROLE_LABELS } from "@tzxm/shared";
import { Card, Col, Descriptions, Row } from "antd";
import { useSession } from "../../context/SessionContext.js";
import { useI18n } from "../../i18n/index.js";
import { ChangePasswordForm } from "./ChangePasswordForm.js";
import { NoticeEmailForm } from "./NoticeEmailForm.js";
import { SecondFactorEnrolment } from "./SecondFactorEnrolment.js";

export function AccountPage() {
  const { t, pick } = useI18n();
  const { user } = useSession();
  if (!user) return null;
  return (
    <Row gutter={[16, 16]}>
      <Col span={24}>
        <Card title={t("menu_account")}>
          <Descriptions
            column={{ xs: 1, md: 3 }}
            size="small"
            items={[
              { key: "username", label: t("username"), children: user.username },
              { key: "name", label: t("displayName"), children: user.displayName },
              { key: "role", label: t("role"), children: pick(ROLE_LABELS[user.role], user.role) },
              { key: "org", label: t("organisation"), children: user.organisation.name },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} xl={10}>
        <Card title={t("changePassword")}>
          <ChangePasswordForm />
        </Card>
      </Col>
      <Col xs={24} xl={14}>
        <Card title={t("secondFactorTitle")}>
          <SecondFactorEnrolment />
        </Card>
      </Col>
      <Col xs={24} xl={10}>
        <Card title={t("noticeEmail")}>
          <NoticeEmailForm />
        </Card>
      </Col>
    </Row>
  );
}
