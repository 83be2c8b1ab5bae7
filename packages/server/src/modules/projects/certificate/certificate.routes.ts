import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf, requireUser } from "../../identity/request-user.js";
import { resolveCode } from "../code-param.js";
import { attachmentDisposition } from "../../../http/download.js";
import { filingCertificate } from "./certificate.service.js";
import { certificateFileName } from "./particulars.js";

const params = z.object({ code: z.string().trim().min(1).max(64) });

/** 备案证明: the filing certificate of a filed 备案 project, as a PDF to download and print (Art. 40). */
export const certificateRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/projects/:code/filing-certificate.pdf",
    {
      config: { access: "projects:read" },
      schema: {
        tags: ["projects"],
        summary: "备案证明 The filing certificate (PDF) of a filed 备案 project in the caller's scope; recorded in the audit trail",
        description:
          "A4 PDF with the code, its QR label and the particulars of the latest version. 404 outside the caller's data scope; 409 NOT_A_FILING unless the project is a filing in status filed.",
        params,
      },
    },
    async (request, reply) => {
      const { code, pdf } = await filingCertificate(
        { db: app.deps.database.db, config: app.deps.config },
        requireUser(request),
        await resolveCode(app.deps.database.db, request.params.code),
        actorOf(request),
      );
      return reply
        .header("content-type", "application/pdf")
        .header("content-disposition", attachmentDisposition(certificateFileName(code), `filing-certificate-${code}.pdf`))
        .header("cache-control", "no-store")
        .send(pdf);
    },
  );
};
