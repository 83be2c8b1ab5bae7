import type { Permission, Role } from "@tzxm/shared";

/** Kinds told to a project unit whose subject is its project code (project status, monitoring, supervision). */
const UNIT_PROJECT_KINDS = ["project.", "monitoring.", "rectification.", "penalty.", "abnormal."];

/**
 * Where a message opens in the back office: the page where its reader acts on it. A matter case's step opens the
 * case — in 审批办件 for those who handle cases, in the unit's 我的项目 (the project with its matters) for the unit;
 * what a unit is told about its project opens that project. Computed when read, from the kind and the subject,
 * so messages stored before links existed link too. null: nothing to open.
 */
export function messageLink(kind: string, subject: string, reader: { role: Role; permissions: readonly Permission[] }): string | null {
  const id = encodeURIComponent(subject);
  if (reader.role === "project_unit") {
    if (kind.startsWith("case.")) return `/admin/projects?case=${id}`;
    if (UNIT_PROJECT_KINDS.some((prefix) => kind.startsWith(prefix))) return `/admin/projects?project=${id}`;
    return null;
  }
  if (kind.startsWith("case.") && reader.permissions.includes("cases:handle")) return `/admin/cases?case=${id}`;
  return null;
}
