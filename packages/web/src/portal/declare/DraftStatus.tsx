import { CheckCircleOutlined, CloudUploadOutlined, EditOutlined, ExclamationCircleOutlined, StopOutlined } from "@ant-design/icons";
import { Typography } from "antd";
import dayjs from "dayjs";
import { useI18n } from "../../i18n/index.js";
import type { SaveState } from "./useDraftSaver.js";

/** 草稿已保存 hh:mm:ss / Draft saved: where the draft stands, for the unit and for tests (data-state). */
export function DraftStatus({ state }: { state: SaveState }) {
  const { t, lang } = useI18n();
  const content = (() => {
    switch (state.kind) {
      case "saved":
        return (
          <Typography.Text type="success">
            <CheckCircleOutlined /> {t("declDraftSaved", { time: dayjs(state.at).format("HH:mm:ss") })}
          </Typography.Text>
        );
      case "saving":
        return (
          <Typography.Text type="secondary">
            <CloudUploadOutlined /> {t("declDraftSaving")}
          </Typography.Text>
        );
      case "dirty":
        return (
          <Typography.Text type="secondary">
            <EditOutlined /> {t("declDraftDirty")}
          </Typography.Text>
        );
      case "paused":
        return (
          <Typography.Text type="warning">
            <StopOutlined /> {t("declDraftPaused")}
          </Typography.Text>
        );
      case "error":
        return (
          <Typography.Text type="danger">
            <ExclamationCircleOutlined /> {t("declDraftFailed", { message: lang === "en" ? state.error.messageEn : state.error.messageZh })}
          </Typography.Text>
        );
    }
  })();
  return (
    <span data-testid="draft-status" data-state={state.kind} role="status" aria-live="polite">
      {content}
    </span>
  );
}
