import { DEPARTMENT_KIND_LABELS } from "@tzxm/shared";
import type { OrganisationKind } from "../api/types.js";
import { useI18n } from "./index.js";

/** Organisation kinds: the four department kinds of Art. 6-9 plus 项目单位. */
export function useKindLabel(): (kind: OrganisationKind) => string {
  const { pick, t } = useI18n();
  return (kind) => (kind === "project_unit" ? t("kind_project_unit") : pick(DEPARTMENT_KIND_LABELS[kind], kind));
}
