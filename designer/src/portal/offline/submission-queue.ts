import { useSyncExternalStore } from "react";
import type { JsonRecord } from "../../forms";
import { api, ApiProblem } from "../api";
import type { Case } from "../api-types";

/**
 * Applications submitted while offline wait here, on this device, each with the Idempotency-Key of its one attempt;
 * they are sent when the network returns (or the Portal next opens online). The key makes a send that reached the
 * server but lost its answer count once: sending again returns the same case.
 */
export interface QueuedSubmission { serviceId: string; data: JsonRecord; idempotencyKey: string; queuedAt: string }
export type QueueEvent = { kind: "sent"; number: string; caseId: number } | { kind: "failed"; detail: string };

const keyOf = (account: string) => `formflow.outbox.${account}`;
let last: { pending: number; event?: QueueEvent } = { pending: 0 };
const listeners = new Set<() => void>();
function publish(account: string, event?: QueueEvent) {
  last = { pending: read(account).length, event: event ?? last.event };
  for (const listener of listeners) listener();
}

function read(account: string): QueuedSubmission[] {
  try { return JSON.parse(localStorage.getItem(keyOf(account)) ?? "[]") as QueuedSubmission[]; } catch { return []; }
}
function write(account: string, items: QueuedSubmission[]) {
  if (items.length) localStorage.setItem(keyOf(account), JSON.stringify(items));
  else localStorage.removeItem(keyOf(account));
}

export function enqueue(account: string, item: Omit<QueuedSubmission, "queuedAt">): void {
  write(account, [...read(account), { ...item, queuedAt: new Date().toISOString() }]);
  publish(account);
}

let flushing = false;
/** Sends what waits, oldest first; stops at the first that cannot reach the server. A refusal is reported, not retried. */
export async function flushQueue(account: string): Promise<void> {
  if (flushing) return;
  flushing = true;
  try {
    for (let items = read(account); items.length; items = read(account)) {
      const [item] = items;
      let event: QueueEvent;
      try {
        const created = await api<Case>("POST", `/api/services/${item.serviceId}/cases`, { data: item.data }, { "Idempotency-Key": item.idempotencyKey });
        await api("DELETE", `/api/services/${item.serviceId}/draft`).catch(() => undefined);
        event = { kind: "sent", number: created.number, caseId: created.id };
      } catch (e) {
        if (e instanceof ApiProblem && e.status === 0) return;
        event = { kind: "failed", detail: e instanceof ApiProblem ? (e.detail ?? e.title) : String(e) };
        // What the worker typed is not lost: it becomes the form's draft again, to fix and send by hand.
        await api("PUT", `/api/services/${item.serviceId}/draft`, { data: item.data }).catch(() => undefined);
      }
      write(account, read(account).filter(q => q.idempotencyKey !== item.idempotencyKey));
      publish(account, event);
    }
  } finally {
    flushing = false;
    publish(account);
  }
}

export function useQueue(): { pending: number; event?: QueueEvent } {
  return useSyncExternalStore(listener => { listeners.add(listener); return () => listeners.delete(listener); }, () => last);
}
