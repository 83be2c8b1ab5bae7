/**
 * 会签 / 或签: how a department's signers decide a proposed completion (pure; shared with the web). 会签 (`all`)
 * needs every signer's agreement and fails at the first objection; 或签 (`any`) needs one agreement and fails
 * only when every signer objected.
 */
export type SignOffMode = "all" | "any";
export type SignDecision = "approve" | "reject";
export type SignOffOutcome = "open" | "approved" | "rejected";

export function signOffOutcome(mode: SignOffMode, decisions: readonly (SignDecision | null)[]): SignOffOutcome {
  if (decisions.length === 0) return "open";
  const approvals = decisions.filter((d) => d === "approve").length;
  const rejections = decisions.filter((d) => d === "reject").length;
  if (mode === "all") {
    if (rejections > 0) return "rejected";
    return approvals === decisions.length ? "approved" : "open";
  }
  if (approvals > 0) return "approved";
  return rejections === decisions.length ? "rejected" : "open";
}
