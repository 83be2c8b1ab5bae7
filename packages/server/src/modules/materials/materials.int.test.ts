import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, DEMO_PASSWORD, signIn, startTestApp, type TestApp } from "../../../test/app-harness.js";
import { sampleDeclaration } from "../../../test/fixtures.js";
import { sm3Hex } from "../../platform/crypto.js";
import { insertOrganisation, insertUser } from "../identity/identity.repository.js";
import { hashPassword } from "../identity/passwords.js";
import { creditCodeCheckCharacter } from "../reference/credit-code.js";

/** The platform limit of this test app: small, so that Fastify's own body limit is exercised cheaply. */
const MAX_BYTES = 64 * 1024;
const pdf = (text: string) => Buffer.from(`%PDF-1.7\n% ${text}\n1 0 obj\n<<>>\nendobj\ntrailer\n%%EOF\n`);
const exe = Buffer.from("MZ\x90\0\x03\0\0\0\x04\0\0\0\xff\xff\0\0PE\0\0L\x01");

type FileView = { id: number; fileName: string; size: number; sm3: string; status: string; mediaType: string };
type MaterialItem = { code: string; heldByPlatform: boolean; formats: string[]; maxBytes: number; current: FileView | null; earlier: FileView[] };

describe("申请材料 uploads (materials per matter case)", () => {
  let t: TestApp;
  let unit: Client;
  let projectCode: string;
  let caseId: string; // 企业投资项目核准 ZJ-FGW-002: M01 held by the platform, M03 pdf/docx, M04 held, M05 pdf
  let otherCaseId: string;

  const upload = (client: Client, id: string, material: string, bytes: Buffer, fileName?: string, contentType = "application/pdf") =>
    t.app.inject({
      method: "POST",
      url: `/api/v1/cases/${id}/materials/${material}`,
      headers: {
        cookie: client.cookie,
        "x-csrf-token": client.csrfToken,
        "content-type": contentType,
        ...(fileName === undefined ? {} : { "x-file-name": encodeURIComponent(fileName) }),
      },
      payload: bytes,
    });
  const list = async (client: Client, id = caseId) => (await client.get(`/api/v1/cases/${id}/materials`)).json() as { items: MaterialItem[]; canUpload: boolean; status: string };
  const item = async (code: string) => (await list(unit)).items.find((i) => i.code === code)!;
  const eventsOf = async (type: string) =>
    (await t.database.db.selectFrom("audit_event").select(["payload", "subject", "region_code"]).where("type", "=", type).orderBy("seq").execute()) as {
      payload: Record<string, unknown>;
      subject: string;
      region_code: string;
    }[];

  beforeAll(async () => {
    t = await startTestApp({ MATERIAL_MAX_BYTES: String(MAX_BYTES) });
    unit = await signIn(t.app, "demo-unit");
    const res = await unit.post("/api/v1/projects", sampleDeclaration());
    expect(res.statusCode).toBe(201);
    projectCode = res.json().code;
    const matters = (await unit.get(`/api/v1/projects/${projectCode}/matters`)).json().items as { caseId: string; matterCode: string }[];
    caseId = matters.find((m) => m.matterCode === "ZJ-FGW-002")!.caseId;
    otherCaseId = matters.find((m) => m.matterCode !== "ZJ-FGW-002")!.caseId;
    // Another enterprise and an officer of 宁波市 (the project lies in 杭州市西湖区).
    const hash = await hashPassword(DEMO_PASSWORD);
    await t.database.db.transaction().execute(async (tx) => {
      const other = await insertOrganisation(tx, { kind: "project_unit", name: "宁波某某制造有限公司", region_code: "330203", credit_code: `91330203MA2AAAAA1${creditCodeCheckCharacter("91330203MA2AAAAA1")}` });
      await insertUser(tx, { username: "other-unit", display_name: "另一单位", organisation_id: other.id, role: "project_unit", password_hash: hash, second_factor_exempt: true });
      const nb = await tx.selectFrom("organisation").select("id").where("name", "=", "宁波市发展和改革委员会").executeTakeFirstOrThrow();
      await insertUser(tx, { username: "nb-officer", display_name: "宁波经办人", organisation_id: nb.id, role: "officer", password_hash: hash, second_factor_exempt: true });
    });
  });
  afterAll(() => t.close());

  it("lists the told guide's materials with their rules", async () => {
    const l = await list(unit);
    expect(l.canUpload).toBe(true);
    expect(l.items.map((i) => i.code)).toEqual(["M01", "M02", "M03", "M04", "M05"]);
    const m03 = l.items.find((i) => i.code === "M03")!;
    expect(m03).toMatchObject({ required: true, heldByPlatform: false, formats: ["pdf", "docx"], maxSizeMb: 100, maxBytes: MAX_BYTES, current: null, earlier: [] });
    expect(l.items.find((i) => i.code === "M01")!.heldByPlatform).toBe(true);
  });

  it("stores an upload under its SM3 digest and records the digest in the audit trail", async () => {
    const bytes = pdf("项目申请书 第一稿");
    const res = await upload(unit, caseId, "M03", bytes, "项目申请书（第一稿）.pdf");
    expect(res.statusCode).toBe(201);
    const file = res.json() as FileView;
    expect(file).toMatchObject({ fileName: "项目申请书（第一稿）.pdf", size: bytes.length, sm3: sm3Hex(bytes), status: "current", mediaType: "application/pdf" });
    expect((await item("M03")).current).toMatchObject({ id: file.id, sm3: sm3Hex(bytes) });
    const [event] = await eventsOf("material.uploaded");
    expect(event).toMatchObject({
      subject: projectCode,
      region_code: "330106",
      payload: { caseId, materialCode: "M03", fileId: file.id, fileName: "项目申请书（第一稿）.pdf", size: bytes.length, sm3: sm3Hex(bytes) },
    });
    const stored = await readdir(join(t.config.FILE_STORE_DIR, file.sm3.slice(0, 2), file.sm3.slice(2, 4)));
    expect(stored).toEqual([file.sm3]);
  });

  it("downloads exactly the bytes, with the digest and the name", async () => {
    const current = (await item("M03")).current!;
    const res = await unit.get(`/api/v1/material-files/${current.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(pdf("项目申请书 第一稿"))).toBe(true);
    expect(res.headers["content-type"]).toBe("application/pdf");
    expect(res.headers["x-content-sm3"]).toBe(current.sm3);
    expect(res.headers["content-disposition"]).toBe(
      `attachment; filename="material-${current.id}.pdf"; filename*=UTF-8''${encodeURIComponent("项目申请书（第一稿）.pdf")}`,
    );
    const officer = await signIn(t.app, "demo-officer-fgw");
    const asOfficer = await officer.get(`/api/v1/material-files/${current.id}`);
    expect(asOfficer.statusCode).toBe(200);
    expect(sm3Hex(asOfficer.rawPayload)).toBe(current.sm3);
    expect((await list(officer)).canUpload).toBe(false);
    expect((await eventsOf("material.downloaded")).map((e) => e.payload.fileId)).toEqual([current.id, current.id]);
  });

  it("replaces the current file with a new upload and keeps the earlier one", async () => {
    const first = (await item("M03")).current!;
    const second = pdf("项目申请书 定稿");
    const res = await upload(unit, caseId, "M03", second, "项目申请书（定稿）.pdf");
    expect(res.statusCode).toBe(201);
    const m03 = await item("M03");
    expect(m03.current).toMatchObject({ id: res.json().id, sm3: sm3Hex(second) });
    expect(m03.earlier).toEqual([expect.objectContaining({ id: first.id, status: "replaced", sm3: first.sm3 })]);
    expect((await eventsOf("material.uploaded")).at(-1)!.payload).toMatchObject({ replacedFileId: first.id, sm3: sm3Hex(second) });
    // The earlier file is still there, byte for byte.
    expect(sm3Hex((await unit.get(`/api/v1/material-files/${first.id}`)).rawPayload)).toBe(first.sm3);
  });

  it("refuses a file above the platform limit with 413 and keeps the current file", async () => {
    const before = (await item("M03")).current!;
    const big = Buffer.concat([pdf("big"), Buffer.alloc(MAX_BYTES)]);
    const res = await upload(unit, caseId, "M03", big, "大文件.pdf");
    expect(res.statusCode).toBe(413);
    // Refused by the route's body limit before any byte reached the service, with our error body.
    expect(res.json().error).toMatchObject({ code: "MATERIAL_TOO_LARGE", message: expect.stringContaining("平台允许"), messageEn: expect.stringContaining("at most 64 KB") });
    expect((await item("M03")).current!.id).toBe(before.id);
  });

  it("refuses a file above the material's own limit (maxSizeMb of the told guide)", async () => {
    // A guide version whose M05 allows 0.01 MB (10485 bytes), told to a second case of the project.
    const { id } = await t.database.db
      .insertInto("service_guide")
      .values({ matter_code: "ZJ-FGW-002", version: 99, status: "superseded", content: "{}", created_at: new Date(), materials: JSON.stringify([{ code: "M05", name: "小文件材料", required: true, heldByPlatform: false, formats: ["pdf"], maxSizeMb: 0.01 }]) })
      .returning("id")
      .executeTakeFirstOrThrow();
    await t.database.db.updateTable("matter_case").set({ guide_id: id }).where("id", "=", otherCaseId).execute();
    const res = await upload(unit, otherCaseId, "M05", Buffer.concat([pdf("x"), Buffer.alloc(20000)]), "a.pdf");
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatchObject({ code: "MATERIAL_TOO_LARGE", message: expect.stringContaining("10.2 KB") });
    expect((await upload(unit, otherCaseId, "M05", pdf("small"), "a.pdf")).statusCode).toBe(201);
    expect((await upload(unit, otherCaseId, "M03", pdf("small"), "a.pdf")).json().error.code).toBe("MATERIAL_NOT_IN_GUIDE");
  });

  it("refuses bytes that do not match the extension, formats the material does not allow, and empty files", async () => {
    const before = (await item("M03")).current!;
    const renamed = await upload(unit, caseId, "M03", exe, "申请书.pdf");
    expect(renamed.statusCode).toBe(422);
    expect(renamed.json().error.code).toBe("MATERIAL_CONTENT_MISMATCH");
    const asExe = await upload(unit, caseId, "M03", exe, "setup.exe", "application/octet-stream");
    expect(asExe.statusCode).toBe(415);
    expect(asExe.json().error).toMatchObject({ code: "MATERIAL_FORMAT_NOT_ALLOWED", message: expect.stringContaining("pdf、docx") });
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
    expect((await upload(unit, caseId, "M05", png, "scan.png", "image/png")).json().error.code).toBe("MATERIAL_FORMAT_NOT_ALLOWED");
    expect((await upload(unit, caseId, "M03", Buffer.alloc(0), "empty.pdf")).json().error.code).toBe("MATERIAL_EMPTY");
    const json = await upload(unit, caseId, "M03", Buffer.from('{"a":1}'), "a.pdf", "application/json");
    expect(json.statusCode).toBe(415);
    expect((await upload(unit, caseId, "M03", pdf("x"), "a.pdf", "text/html")).statusCode).toBe(415);
    expect((await item("M03")).current!.id).toBe(before.id);
    expect((await eventsOf("material.uploaded")).every((e) => e.payload.fileName !== "申请书.pdf")).toBe(true);
  });

  it("refuses bad file names and materials the platform already holds", async () => {
    for (const name of [undefined, "", "../a.pdf", "a\\b.pdf", `${"长".repeat(200)}.pdf`]) {
      const res = await upload(unit, caseId, "M03", pdf("x"), name);
      expect(res.statusCode, String(name)).toBe(400);
      expect(res.json().error.code).toBe("MATERIAL_FILE_NAME_INVALID");
    }
    const held = await upload(unit, caseId, "M01", pdf("x"), "项目代码.pdf");
    expect(held.statusCode).toBe(422);
    expect(held.json().error).toMatchObject({ code: "MATERIAL_HELD_BY_PLATFORM", message: expect.stringContaining("无需重复提交") });
    expect((await upload(unit, caseId, "M09", pdf("x"), "a.pdf")).json().error.code).toBe("MATERIAL_NOT_IN_GUIDE");
  });

  it("keeps materials out of reach of another unit and of an officer of another region", async () => {
    const fileId = (await item("M03")).current!.id;
    for (const who of ["other-unit", "nb-officer"]) {
      const client = await signIn(t.app, who);
      expect((await client.get(`/api/v1/cases/${caseId}/materials`)).statusCode, who).toBe(404);
      expect((await client.get(`/api/v1/material-files/${fileId}`)).statusCode, who).toBe(404);
    }
    const other = await signIn(t.app, "other-unit");
    expect((await upload(other, caseId, "M03", pdf("intruder"), "a.pdf")).statusCode).toBe(404);
    const officer = await signIn(t.app, "demo-officer-fgw");
    expect((await upload(officer, caseId, "M03", pdf("officer"), "a.pdf")).statusCode).toBe(403);
    expect((await t.app.inject({ method: "GET", url: `/api/v1/material-files/${fileId}` })).statusCode).toBe(401);
  });

  it("leaves nothing half-done when the recording fails, and refuses uploads once the case is closed", async () => {
    const before = await item("M03");
    const eventsBefore = (await eventsOf("material.uploaded")).length;
    // The database refuses the row: the stored bytes stay unreferenced, no row, no event, the current file unchanged.
    await sql`create function refuse_boom() returns trigger language plpgsql as $$ begin
      if new.file_name = 'boom.pdf' then raise exception 'boom'; end if; return new; end $$`.execute(t.database.db);
    await sql`create trigger refuse_boom before insert on material_file for each row execute function refuse_boom()`.execute(t.database.db);
    const res = await upload(unit, caseId, "M03", pdf("boom"), "boom.pdf");
    expect(res.statusCode).toBe(500);
    expect(await item("M03")).toEqual(before);
    expect((await eventsOf("material.uploaded")).length).toBe(eventsBefore);
    const rows = await t.database.db.selectFrom("material_file").select("id").where("file_name", "=", "boom.pdf").execute();
    expect(rows).toEqual([]);
    // Nothing is ever deleted or rewritten.
    await expect(sql`delete from material_file`.execute(t.database.db)).rejects.toThrow(/never deleted/);
    await expect(sql`update material_file set sm3 = ${"0".repeat(64)}`.execute(t.database.db)).rejects.toThrow(/never edited/);
    await expect(sql`update material_file set status = 'current' where status = 'replaced'`.execute(t.database.db)).rejects.toThrow(/never edited/);

    await t.database.db.updateTable("matter_case").set({ status: "accepted" }).where("id", "=", caseId).execute();
    const closed = await upload(unit, caseId, "M03", pdf("late"), "late.pdf");
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.code).toBe("MATERIALS_CLOSED");
    expect((await list(unit)).canUpload).toBe(false);
    await t.database.db.updateTable("matter_case").set({ status: "paused" }).where("id", "=", caseId).execute();
    expect((await upload(unit, caseId, "M03", pdf("补正"), "补正.pdf")).statusCode).toBe(201);
  });

  it("refuses to deliver a stored file that no longer matches its digest", async () => {
    const current = (await item("M03")).current!;
    const { writeFile } = await import("node:fs/promises");
    const path = join(t.config.FILE_STORE_DIR, current.sm3.slice(0, 2), current.sm3.slice(2, 4), current.sm3);
    const original = (await unit.get(`/api/v1/material-files/${current.id}`)).rawPayload;
    // Same size, other bytes: found only by hashing them again.
    await writeFile(path, Buffer.from(original.toString("latin1").replace("%%EOF", "%%EoF"), "latin1"));
    const swapped = await unit.get(`/api/v1/material-files/${current.id}`);
    expect(swapped.statusCode).toBe(500);
    expect(swapped.json().error.code).toBe("MATERIAL_FILE_CORRUPT");
    await writeFile(path, Buffer.from("tampered"));
    const res = await unit.get(`/api/v1/material-files/${current.id}`);
    expect(res.statusCode).toBe(500);
    expect(res.json().error.code).toBe("MATERIAL_FILE_CORRUPT");
  });
});
