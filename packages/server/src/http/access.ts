import type { Permission } from "@tzxm/shared";

/**
 * What every route must declare in `config.access`: `"public"` (anyone, signed in or not) or the one
 * permission it needs. A route without it makes the app refuse to start (see app.ts onRoute), and the
 * route-permission test enumerates every route.
 */
export type Access = "public" | Permission;

declare module "fastify" {
  interface FastifyContextConfig {
    access?: Access;
  }
}
