import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.js";

/** One matter of a project's public record (spec §3, Art. 18: the unit and the public follow the handling by code). */
export interface PublicMatter {
  name: string;
  department: string;
  status: string;
  acceptedOn?: string;
  completedOn?: string;
  result?: string;
  documentNumber?: string;
  documentTitle?: string;
}

/**
 * Reads the matters of a project's public record. A port: the cases module (below this one) implements it and
 * the app wires it in, so projects does not depend on cases.
 */
export type PublicMattersReader = (db: Kysely<DB>, projectId: number) => Promise<PublicMatter[]>;
