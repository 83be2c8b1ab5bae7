import { api } from "../../api/client.js";
import type { Page } from "../../api/types.js";
import type { DraftData } from "./model.js";

/** The declaration draft endpoints (/api/v1/project-drafts) of the signed-in project unit. */
export interface DraftView {
  id: string;
  step: number;
  data: unknown;
  createdAt: string;
  updatedAt: string;
}

export interface DraftListItem {
  id: string;
  name: string | null;
  step: number;
  createdAt: string;
  updatedAt: string;
  updatedBy: string | null;
}

export interface DraftBody {
  step: number;
  data: DraftData;
}

export const createDraft = (body: DraftBody) => api<DraftView>("/project-drafts", { method: "POST", body });
export const getDraft = (id: string, signal?: AbortSignal) =>
  api<DraftView>(`/project-drafts/${encodeURIComponent(id)}`, signal ? { signal } : {});
export const saveDraft = (id: string, body: DraftBody, keepalive = false) =>
  api<DraftView>(`/project-drafts/${encodeURIComponent(id)}`, { method: "PUT", body, keepalive });
export const deleteDraft = (id: string) => api<void>(`/project-drafts/${encodeURIComponent(id)}`, { method: "DELETE" });
export const listDrafts = () => api<Page<DraftListItem>>("/project-drafts", { query: { page: 1, pageSize: 50 } });
