import { Button, Result, Spin } from "antd";
import { Link } from "react-router-dom";
import { useI18n } from "../i18n/index.js";

export function PageSpin() {
  const { t } = useI18n();
  return (
    <div style={{ padding: 48, textAlign: "center" }}>
      <Spin description={t("loading")} />
    </div>
  );
}

export function Forbidden() {
  const { t } = useI18n();
  return <Result status="403" title={t("forbiddenTitle")} subTitle={t("forbiddenText")} data-testid="forbidden" />;
}

export function NotFound() {
  const { t } = useI18n();
  return (
    <Result
      status="404"
      title={t("notFoundTitle")}
      extra={
        <Link to="/">
          <Button type="primary">{t("backHome")}</Button>
        </Link>
      }
    />
  );
}
