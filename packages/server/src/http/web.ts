import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";
import type { Config } from "../config/env.js";
import { sendError } from "./error-handler.js";

export const DEFAULT_WEB_DIST = resolve(dirname(fileURLToPath(import.meta.url)), "../../../web/dist");

/**
 * Serves the built single-page application (portal at /, back office at /admin). Unknown paths outside /api
 * get index.html so that client-side routes survive a reload; unknown /api paths stay JSON 404s.
 */
export async function serveWeb(app: FastifyInstance, config: Config): Promise<boolean> {
  const root = config.WEB_DIST_DIR ? resolve(config.WEB_DIST_DIR) : DEFAULT_WEB_DIST;
  if (!existsSync(join(root, "index.html"))) {
    app.log.warn({ root }, "web application not built; run `npm run build` (only the API is served)");
    return false;
  }
  await app.register(fastifyStatic, { root, index: false, maxAge: "1h" });
  // The entry page is never cached, so that a new release's hashed assets are picked up at once.
  app.get("/", { config: { access: "public" }, schema: { hide: true } }, (_request, reply) =>
    reply.header("cache-control", "no-cache").sendFile("index.html"),
  );
  return true;
}

/** Client-side routes get index.html; unknown /api paths stay JSON 404s. */
export function installNotFound(app: FastifyInstance, webServed: boolean) {
  app.setNotFoundHandler((request, reply) => {
    const isPage = (request.method === "GET" || request.method === "HEAD") && !request.url.startsWith("/api/") && request.url !== "/metrics";
    if (webServed && isPage) return reply.header("cache-control", "no-cache").sendFile("index.html");
    return sendError(request, reply, "NOT_FOUND");
  });
}
