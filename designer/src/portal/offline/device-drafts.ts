import type { JsonRecord } from "../../forms";
import { draftAnswer, takeAhead } from "../ahead";
import { api, ApiProblem } from "../api";

/**
 * A form draft typed while offline, kept on this device until the server has it. The rule when the network returns
 * (or the form is next opened): the device's copy replaces the server's draft if the server's draft is still the one
 * the device started from; if the server's draft changed meanwhile (edited on another device), the server's wins and
 * the device's copy is dropped, and the Portal says so.
 */
export interface DeviceDraft { data: JsonRecord; editedAt: string; baseSavedAt: string | null }
export interface ServerDraft { data: JsonRecord; savedAt: string }
export type DraftSync = { kind: "none" | "offline"; draft: ServerDraft | null } | { kind: "pushed" | "serverNewer"; draft: ServerDraft };

const keyOf = (account: string, serviceId: string) => `formflow.draft.${account}.${serviceId}`;

export function keepOnDevice(account: string, serviceId: string, data: JsonRecord, baseSavedAt: string | null): void {
  const kept: DeviceDraft = { data, editedAt: new Date().toISOString(), baseSavedAt };
  localStorage.setItem(keyOf(account, serviceId), JSON.stringify(kept));
}

export function deviceDraft(account: string, serviceId: string): DeviceDraft | null {
  try {
    const text = localStorage.getItem(keyOf(account, serviceId));
    return text ? JSON.parse(text) as DeviceDraft : null;
  } catch { return null; }
}

export function dropDeviceDraft(account: string, serviceId: string): void { localStorage.removeItem(keyOf(account, serviceId)); }

/** Reads the server's draft and settles it with the device's copy by the rule above. */
export async function syncDraft(account: string, serviceId: string): Promise<DraftSync> {
  const kept = deviceDraft(account, serviceId);
  let server: ServerDraft | null;
  try {
    // 204 (no draft yet) answers no body.
    server = (await takeAhead<ServerDraft | undefined>(draftAnswer(serviceId))) ?? null;
  } catch (e) {
    if (e instanceof ApiProblem && e.status === 0) return { kind: "offline", draft: kept && { data: kept.data, savedAt: kept.editedAt } };
    throw e;
  }
  if (!kept) return { kind: "none", draft: server };
  if (server && server.savedAt !== kept.baseSavedAt) {
    dropDeviceDraft(account, serviceId);
    return { kind: "serverNewer", draft: server };
  }
  try {
    const saved = await api<{ savedAt: string }>("PUT", `/api/services/${serviceId}/draft`, { data: kept.data });
    dropDeviceDraft(account, serviceId);
    return { kind: "pushed", draft: { data: kept.data, savedAt: saved.savedAt } };
  } catch (e) {
    if (e instanceof ApiProblem && e.status === 0) return { kind: "offline", draft: { data: kept.data, savedAt: kept.editedAt } };
    throw e;
  }
}
