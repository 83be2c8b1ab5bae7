import { COMMON_ERRORS } from "../platform/common.errors.js";
import { IDENTITY_ERRORS } from "../modules/identity/identity.errors.js";
import { PROJECT_ERRORS } from "../modules/projects/projects.errors.js";
import { CATALOGUE_ADMIN_ERRORS } from "../modules/catalogue/catalogue-admin.errors.js";
import { MATERIAL_ERRORS } from "../modules/materials/materials.errors.js";
import { CASE_ERRORS } from "../modules/cases/cases.errors.js";
import { COMMISSION_ERRORS } from "../modules/intermediary-services/commissions.errors.js";
import { REFERENCE_ERRORS } from "../modules/reference/reference.errors.js";
import { PORTAL_CONTENT_ERRORS } from "../modules/portal-content/portal-content.errors.js";
import { DISCLOSURE_ERRORS } from "../modules/disclosure/disclosure.errors.js";
import { E_SUPERVISION_ERRORS } from "../modules/e-supervision/e-supervision.errors.js";
import { SUPERVISION_ERRORS } from "../modules/supervision/supervision.errors.js";
import { MONITORING_ERRORS } from "../modules/monitoring/monitoring.errors.js";

/** Every error code the platform answers with, from every module. Duplicate codes are a type error below. */
export const ERROR_CATALOGUE = { ...COMMON_ERRORS, ...IDENTITY_ERRORS, ...REFERENCE_ERRORS, ...PROJECT_ERRORS, ...CATALOGUE_ADMIN_ERRORS, ...PORTAL_CONTENT_ERRORS, ...DISCLOSURE_ERRORS, ...MATERIAL_ERRORS, ...CASE_ERRORS, ...E_SUPERVISION_ERRORS, ...COMMISSION_ERRORS, ...SUPERVISION_ERRORS, ...MONITORING_ERRORS } as const;
export type ErrorCode = keyof typeof ERROR_CATALOGUE;
