import { COMMON_ERRORS } from "../platform/common.errors.js";
import { IDENTITY_ERRORS } from "../modules/identity/identity.errors.js";
import { PROJECT_ERRORS } from "../modules/projects/projects.errors.js";
import { REFERENCE_ERRORS } from "../modules/reference/reference.errors.js";

/** Every error code the platform answers with, from every module. Duplicate codes are a type error below. */
export const ERROR_CATALOGUE = { ...COMMON_ERRORS, ...IDENTITY_ERRORS, ...REFERENCE_ERRORS, ...PROJECT_ERRORS } as const;
export type ErrorCode = keyof typeof ERROR_CATALOGUE;
