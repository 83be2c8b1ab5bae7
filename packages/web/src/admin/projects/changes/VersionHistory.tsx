import { Empty, Timeline, Typography } from "antd";
import { useI18n } from "../../../i18n/index.js";
import { formatInstant } from "../../../lib/format.js";
import { CHANGE_KIND_LABEL, type ProjectVersions, parseVersionReason } from "./change-kinds.js";

/** Every version of the project's information under its code, oldest first (Art. 12: earlier ones are kept). */
export function VersionHistory({ versions }: { versions: ProjectVersions }) {
  const { t } = useI18n();
  if (versions.items.length === 0) return <Empty description={t("chgVersionsEmpty")} />;
  const describe = (reason: string) => {
    const r = parseVersionReason(reason);
    if (r.type === "declared") return t("chgVersionDeclared");
    if (r.type === "major") return t("chgVersionMajor", { code: r.previousCode });
    if (r.type === "change") return `${t(CHANGE_KIND_LABEL[r.kind])}：${r.text}`;
    return r.text;
  };
  return (
    <div data-testid="project-versions">
      <Timeline
        items={[...versions.items].reverse().map((v) => ({
          key: v.version,
          content: (
            <div data-testid="project-version" data-version={v.version}>
              <Typography.Text strong>{t("chgVersionN", { version: v.version })}</Typography.Text> <Typography.Text>{describe(v.reason)}</Typography.Text>
              <div>
                <Typography.Text type="secondary">{formatInstant(v.createdAt)}</Typography.Text>
              </div>
            </div>
          ),
        }))}
      />
    </div>
  );
}
