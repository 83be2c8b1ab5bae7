/**
 * Readable names for the audit event types the server records (its audit catalogue). A type not listed here
 * is shown by its raw name, so a new server event never disappears from the log.
 */
export const AUDIT_TYPE_LABELS: Record<string, { zh: string; en: string }> = {
  "auth.login_succeeded": { zh: "登录成功", en: "Signed in" },
  "auth.login_failed": { zh: "登录失败", en: "Sign-in failed" },
  "auth.account_locked": { zh: "账号锁定", en: "Account locked" },
  "auth.logout": { zh: "退出登录", en: "Signed out" },
  "auth.session_expired": { zh: "会话超时", en: "Session expired" },
  "auth.password_changed": { zh: "修改密码", en: "Password changed" },
  "auth.second_factor_enrolled": { zh: "启用双因素认证", en: "Second factor enrolled" },
  "access.denied": { zh: "拒绝访问", en: "Access denied" },
  "user.created": { zh: "创建用户", en: "User created" },
  "user.unlocked": { zh: "解锁用户", en: "User unlocked" },
  "organisation.created": { zh: "创建机构", en: "Organisation created" },
  "demo.seeded": { zh: "载入演示数据", en: "Demo data loaded" },
  "project.declared": { zh: "项目申报", en: "Project declared" },
  "project.changed": { zh: "项目变更", en: "Project changed" },
  "code.verified": { zh: "项目代码核验", en: "Project code verified" },
  "project.exported": { zh: "导出项目清单", en: "Project list exported" },
  "project.matters_notified": { zh: "告知应办事项", en: "Required matters notified" },
  "catalogue.seeded": { zh: "载入事项清单", en: "Matter catalogue loaded" },
  "project.imported": { zh: "存量项目导入", en: "Legacy project imported" },
  "project.certificate_downloaded": { zh: "下载备案证明", en: "Filing certificate downloaded" },
  "project.draft_saved": { zh: "保存申报草稿", en: "Declaration draft saved" },
  "project.draft_deleted": { zh: "删除申报草稿", en: "Declaration draft deleted" },
  "guide.drafted": { zh: "新建办事指南草稿", en: "Service guide draft opened" },
  "guide.saved": { zh: "保存办事指南草稿", en: "Service guide draft saved" },
  "guide.submitted": { zh: "提交办事指南", en: "Service guide submitted" },
  "guide.returned": { zh: "退回办事指南", en: "Service guide returned" },
  "guide.published": { zh: "发布办事指南", en: "Service guide published" },
  "audit.chain_verified": { zh: "校验审计链", en: "Audit chain verified" },
};
