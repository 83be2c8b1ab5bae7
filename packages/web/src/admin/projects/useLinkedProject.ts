import { useSearchParams } from "react-router-dom";
import { useApi } from "../../api/hooks.js";
import type { Page } from "../../api/types.js";
import type { ProjectListItem } from "./types.js";

/**
 * ?project=<code> or ?case=<caseId> (a message's link, a bookmark) opens that project: a case is looked up for its
 * project, the project through the list (in the reader's data scope, with the region name the drawer shows).
 * `clear` drops the parameter once the drawer is closed, so the link does not reopen it.
 */
export function useLinkedProject(): { item: ProjectListItem | null; clear: () => void } {
  const [params, setParams] = useSearchParams();
  const caseId = params.get("case");
  const theCase = useApi<{ projectCode: string }>(caseId ? `/cases/${encodeURIComponent(caseId)}` : null);
  const code = params.get("project") ?? (caseId ? (theCase.data?.projectCode ?? null) : null);
  const found = useApi<Page<ProjectListItem>>(code ? "/projects" : null, { code: code ?? "", page: 1, pageSize: 5 });
  const item = (code && found.data?.items.find((p) => p.code === code)) || null;
  return { item, clear: () => setParams({}, { replace: true }) };
}
