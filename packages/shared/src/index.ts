export * from "./roles.js";
export * from "./organisations.js";
export * from "./errors.js";
export * from "./declaration.js";
export * from "./project.workflow.js";
export * from "./case.workflow.js";
export * from "./sign-off.js";
