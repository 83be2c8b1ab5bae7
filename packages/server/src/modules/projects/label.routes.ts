import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { DomainError } from "../../platform/errors.js";
import { projectPublicUrl, qrPng, qrSvg } from "./label.js";
import { resolveCode } from "./code-param.js";
import * as repo from "./projects.repository.js";

const params = z.object({ code: z.string().trim().min(1).max(64) });
const tags = ["projects"];
// A project's code never changes (Art. 12), so its label never does either: browsers and proxies may keep it.
const CACHE = "public, max-age=86400";

/**
 * 项目代码标识 (Art. 13, 18): the QR label of a project's public page. A legacy number resolves to its project,
 * and the label always carries the platform code's page, so every label of a project is the same image.
 */
export const labelRoutes: FastifyPluginAsyncZod = async (app) => {
  async function labelUrl(input: string): Promise<string> {
    const project = await repo.findByAnyCode(app.deps.database.db, await resolveCode(app.deps.database.db, input));
    if (!project) throw new DomainError("NOT_FOUND");
    return projectPublicUrl(app.deps.config.PUBLIC_BASE_URL, project.code);
  }

  app.get(
    "/public/projects/:code/label.svg",
    {
      config: { access: "public" },
      schema: { tags, summary: "项目代码二维码（SVG） QR label of the project's public page, SVG (Art. 13)", params },
    },
    async (request, reply) => {
      const svg = await qrSvg(await labelUrl(request.params.code));
      return reply.header("content-type", "image/svg+xml; charset=utf-8").header("cache-control", CACHE).send(svg);
    },
  );

  app.get(
    "/public/projects/:code/label.png",
    {
      config: { access: "public" },
      schema: { tags, summary: "项目代码二维码（PNG） QR label of the project's public page, PNG for print (Art. 13)", params },
    },
    async (request, reply) => {
      const png = await qrPng(await labelUrl(request.params.code));
      return reply.header("content-type", "image/png").header("cache-control", CACHE).send(png);
    },
  );
};
