import { timingSafeEqual } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { sm3Hex } from "../../platform/crypto.js";
import { DomainError } from "../../platform/errors.js";
import { Counter, Histogram, Registry, collectDefaultMetrics } from "prom-client";

/** Prometheus metrics at /metrics: process defaults plus request counts and latencies by route. */
export function installMetrics(app: FastifyInstance) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "tzxm_" });
  const duration = new Histogram({
    name: "tzxm_http_request_duration_seconds",
    help: "HTTP request duration by route and status",
    labelNames: ["method", "route", "status"],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const errors = new Counter({
    name: "tzxm_http_errors_total",
    help: "HTTP answers with status >= 500",
    labelNames: ["route"],
    registers: [registry],
  });
  app.addHook("onResponse", async (request, reply) => {
    const route = request.routeOptions.url ?? "unmatched";
    duration.observe({ method: request.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
    if (reply.statusCode >= 500) errors.inc({ route });
  });
  // With METRICS_TOKEN set, only a scraper presenting it reads the figures (等保三级: no anonymous view of the
  // system's internals); without it /metrics stays open for a private network behind the proxy.
  const token = app.deps.config.METRICS_TOKEN;
  app.get("/metrics", { config: { access: "public" }, schema: { hide: true } }, async (request, reply) => {
    if (token) {
      const given = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? "")?.[1] ?? "";
      const a = Buffer.from(sm3Hex(given));
      const b = Buffer.from(sm3Hex(token));
      if (!timingSafeEqual(a, b)) throw new DomainError("NOT_AUTHENTICATED");
    }
    reply.header("content-type", registry.contentType);
    return registry.metrics();
  });
}
