import { ExperimentOutlined } from "@ant-design/icons";
import { usePlatform } from "../context/PlatformContext.js";
import { useI18n } from "../i18n/index.js";

/** Shown on every page of a demo deployment, so nobody mistakes demo data for real records. */
export function DemoBanner() {
  const { platform } = usePlatform();
  const { t } = useI18n();
  if (!platform?.demoMode) return null;
  return (
    <div className="demo-banner" role="status" data-testid="demo-banner">
      <ExperimentOutlined /> {t("demoBanner")}
    </div>
  );
}
