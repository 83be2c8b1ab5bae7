import { randomUUID } from "node:crypto";
import cookie from "@fastify/cookie";
import helmet from "@fastify/helmet";
import rateLimit from "@fastify/rate-limit";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance, type FastifyPluginAsync } from "fastify";
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import type { Config } from "../config/env.js";
import type { Database } from "../db/database.js";
import { type FileStore, LocalFileStore } from "../platform/file-store.js";
import { auditRoutes } from "../modules/audit/audit.routes.js";
import { authenticate } from "../modules/identity/authenticate.js";
import { identityRoutes } from "../modules/identity/identity.routes.js";
import { guidesRoutes } from "../modules/catalogue/guides.routes.js";
import { publicGuidesRoutes } from "../modules/catalogue/public-guides.routes.js";
import { mattersAdminRoutes } from "../modules/catalogue/matters-admin.routes.js";
import { reevaluationRoutes } from "../modules/catalogue/reevaluation.routes.js";
import { rulesRoutes } from "../modules/catalogue/rules.routes.js";
import { intermediariesRoutes, publicIntermediariesRoutes } from "../modules/portal-content/intermediaries.routes.js";
import { policiesRoutes, publicPoliciesRoutes } from "../modules/portal-content/policies.routes.js";
import { notifyRequiredMatters } from "../modules/catalogue/notification.service.js";
import { caseDocumentRoutes } from "../modules/cases/case-document.routes.js";
import { casesRoutes } from "../modules/cases/cases.routes.js";
import { projectMattersRoutes } from "../modules/cases/project-matters.routes.js";
import { publicMattersOf } from "../modules/cases/public-matters.js";
import type { PublicMattersReader } from "../modules/projects/public-record.js";
import { apiKeysRoutes } from "../modules/identity/api-keys.routes.js";
import { messagesRoutes } from "../modules/messages/messages.routes.js";
import { opsRoutes } from "../modules/ops/ops.routes.js";
import type { MatterNotifier } from "../modules/projects/declaration.service.js";
import { projectsRoutes } from "../modules/projects/projects.routes.js";
import { projectSearchRoutes } from "../modules/projects/search.routes.js";
import { labelRoutes } from "../modules/projects/label.routes.js";
import { certificateRoutes } from "../modules/projects/certificate/certificate.routes.js";
import { draftsRoutes } from "../modules/projects/drafts.routes.js";
import { materialsRoutes } from "../modules/materials/materials.routes.js";
import { commissionsRoutes } from "../modules/intermediary-services/commissions.routes.js";
import { monitoringRoutes } from "../modules/monitoring/reports.routes.js";
import { disclosureRoutes } from "../modules/disclosure/disclosure.routes.js";
import { eSupervisionRoutes } from "../modules/e-supervision/e-supervision.routes.js";
import { analyticsRoutes } from "../modules/analytics/analytics.routes.js";
import { supervisionRoutes } from "../modules/supervision/supervision.routes.js";
import { installMetrics } from "../modules/ops/metrics.js";
import { referenceRoutes } from "../modules/reference/reference.routes.js";
import type { WorkingDayCalendar } from "../modules/reference/calendar.js";
import "./access.js";
import { installErrorHandler } from "./error-handler.js";
import { installTextGuard } from "./text-guard.js";
import { databaseRateLimitStore } from "./rate-limit-store.js";
import { installNotFound, serveWeb } from "./web.js";

export interface AppDeps {
  config: Config;
  database: Database;
  calendar: WorkingDayCalendar;
  version: string;
  /** Uploaded files; a LocalFileStore under FILE_STORE_DIR unless given. */
  files?: FileStore;
  /** Tells a new project its required matters (the catalogue's implementation unless a test gives another). */
  notifier?: MatterNotifier;
  /** Reads the matters of a project's public record (the cases module's implementation unless given). */
  publicMatters?: PublicMattersReader;
}

export interface RouteEntry {
  method: string;
  url: string;
  access: string;
}

declare module "fastify" {
  interface FastifyInstance {
    deps: AppDeps & { files: FileStore; publicMatters: PublicMattersReader };
    /** Every route with its declared access, for the route-permission test and the OpenAPI check. */
    routeTable: RouteEntry[];
  }
}

/** Routes registered by plugins (Swagger UI, static files) are public by nature; everything else declares. */
const PLUGIN_PUBLIC_PREFIXES = ["/api/docs"];

export interface BuildOptions {
  logger?: boolean | object;
  /** Extra plugins registered after the platform's own (tests use it to probe the access guard). */
  plugins?: FastifyPluginAsync[];
}

export async function buildApp(deps: AppDeps, options: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? { level: deps.config.LOG_LEVEL },
    genReqId: (req) => {
      const given = req.headers["x-request-id"];
      return typeof given === "string" && /^[\w.-]{8,64}$/.test(given) ? given : randomUUID();
    },
    trustProxy: true,
    bodyLimit: 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();

  app.decorate("deps", {
    ...deps,
    notifier: deps.notifier ?? notifyRequiredMatters,
    publicMatters: deps.publicMatters ?? publicMattersOf,
    files: deps.files ?? new LocalFileStore(deps.config.FILE_STORE_DIR),
  });
  app.decorate("routeTable", [] as RouteEntry[]);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  installTextGuard(app);

  app.addHook("onRoute", (route) => {
    if (!route.config?.access) {
      if (!PLUGIN_PUBLIC_PREFIXES.some((p) => route.url.startsWith(p)) && route.url !== "/*") {
        throw new Error(`Route ${String(route.method)} ${route.url} declares no access (config.access)`);
      }
      route.config = { ...(route.config ?? {}), access: "public" };
    }
    for (const method of [route.method].flat()) app.routeTable.push({ method, url: route.url, access: route.config.access! });
  });
  app.addHook("onSend", async (request, reply) => {
    reply.header("x-request-id", request.id);
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // antd and ECharts set inline styles; scripts stay same-origin only.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:", "blob:"],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    hsts: deps.config.COOKIE_SECURE ? { maxAge: 31536000, includeSubDomains: true } : false,
  });
  await app.register(cookie);
  // Counted in the database: every process behind the load balancer shares the limits.
  await app.register(rateLimit, { global: false, store: databaseRateLimitStore(deps.database.db) });
  await app.register(swagger, {
    openapi: {
      openapi: "3.0.3",
      info: {
        title: "投资项目在线审批监管平台 API (Investment Project Online Approval and Supervision Platform)",
        version: deps.version,
        description: "Unified interface specification v1 (统一数据接口规范) and the platform's own endpoints.",
      },
      components: {
        securitySchemes: {
          session: { type: "apiKey", in: "cookie", name: "tzxm_sid" },
          bearer: { type: "http", scheme: "bearer" },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs" });

  installMetrics(app);
  app.addHook("onRequest", authenticate);

  await app.register(opsRoutes);
  await app.register(referenceRoutes, { prefix: "/api/v1" });
  await app.register(identityRoutes, { prefix: "/api/v1" });
  await app.register(auditRoutes, { prefix: "/api/v1" });
  await app.register(projectsRoutes, { prefix: "/api/v1" });
  await app.register(projectMattersRoutes, { prefix: "/api/v1" });
  await app.register(guidesRoutes, { prefix: "/api/v1" });
  await app.register(publicGuidesRoutes, { prefix: "/api/v1" });
  await app.register(mattersAdminRoutes, { prefix: "/api/v1" });
  await app.register(rulesRoutes, { prefix: "/api/v1" });
  await app.register(reevaluationRoutes, { prefix: "/api/v1" });
  await app.register(policiesRoutes, { prefix: "/api/v1" });
  await app.register(publicPoliciesRoutes, { prefix: "/api/v1" });
  await app.register(intermediariesRoutes, { prefix: "/api/v1" });
  await app.register(publicIntermediariesRoutes, { prefix: "/api/v1" });
  await app.register(projectSearchRoutes, { prefix: "/api/v1" });
  await app.register(labelRoutes, { prefix: "/api/v1" });
  await app.register(certificateRoutes, { prefix: "/api/v1" });
  await app.register(draftsRoutes, { prefix: "/api/v1" });
  await app.register(casesRoutes, { prefix: "/api/v1" });
  await app.register(caseDocumentRoutes, { prefix: "/api/v1" });
  await app.register(messagesRoutes, { prefix: "/api/v1" });
  await app.register(apiKeysRoutes, { prefix: "/api/v1" });
  await app.register(materialsRoutes, { prefix: "/api/v1" });
  await app.register(commissionsRoutes, { prefix: "/api/v1" });
  await app.register(monitoringRoutes, { prefix: "/api/v1" });
  await app.register(disclosureRoutes, { prefix: "/api/v1" });
  await app.register(eSupervisionRoutes, { prefix: "/api/v1" });
  await app.register(analyticsRoutes, { prefix: "/api/v1" });
  await app.register(supervisionRoutes, { prefix: "/api/v1" });
  for (const plugin of options.plugins ?? []) await app.register(plugin);
  installNotFound(app, await serveWeb(app, deps.config));

  return app;
}
