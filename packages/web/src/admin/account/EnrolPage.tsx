import { Alert, Card } from "antd";
import { Navigate, useNavigate } from "react-router-dom";
import { useSession } from "../../context/SessionContext.js";
import { useI18n } from "../../i18n/index.js";
import { SecondFactorEnrolment } from "./SecondFactorEnrolment.js";

/** The only page a user who must enrol a second factor can open (the server refuses the rest for them). */
export function EnrolPage() {
  const { t } = useI18n();
  const { user } = useSession();
  const navigate = useNavigate();
  if (user && !user.mustEnrolSecondFactor) return <Navigate to="/admin/workbench" replace />;
  return (
    <Card title={t("mustEnrolTitle")} style={{ maxWidth: 880 }} data-testid="enrol-page">
      <Alert type="warning" showIcon title={t("mustEnrolText")} style={{ marginBottom: 16 }} />
      <SecondFactorEnrolment onEnrolled={() => navigate("/admin/workbench", { replace: true })} />
    </Card>
  );
}
