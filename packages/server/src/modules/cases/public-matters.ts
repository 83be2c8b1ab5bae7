import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.js";
import type { PublicMatter } from "../projects/public-record.js";

/**
 * The matters of a project's public record: every case it was told of with its state, the days it was accepted
 * and completed, and the result with the document's number and title (Art. 18). Implements the projects
 * module's PublicMattersReader port.
 */
export async function publicMattersOf(db: Kysely<DB>, projectId: number): Promise<PublicMatter[]> {
  const rows = await db
    .selectFrom("matter_case as c")
    .innerJoin("matter as m", "m.code", "c.matter_code")
    .innerJoin("organisation as d", "d.id", "c.department_id")
    .leftJoin("case_event as a", (j) => j.onRef("a.case_id", "=", "c.id").on("a.type", "=", "accept"))
    .leftJoin("case_event as e", (j) => j.onRef("e.case_id", "=", "c.id").on("e.type", "=", "complete"))
    .select(["m.name", "d.name as department", "c.status", "a.on_date as accepted_on", "e.on_date as completed_on", "c.result", "c.document_number", "c.document_title"])
    .where("c.project_id", "=", projectId)
    .orderBy("m.stage")
    .orderBy("c.matter_code")
    .execute();
  return rows.map((r) => ({
    name: r.name,
    department: r.department,
    status: r.status,
    ...(r.accepted_on ? { acceptedOn: r.accepted_on } : {}),
    ...(r.completed_on ? { completedOn: r.completed_on } : {}),
    ...(r.result ? { result: r.result } : {}),
    ...(r.document_number ? { documentNumber: r.document_number } : {}),
    ...(r.document_title ? { documentTitle: r.document_title } : {}),
  }));
}
