import { get } from "./api";

/**
 * Answers asked for before the page that reads them has loaded, so that on a phone network the request travels while
 * the page's script is fetched and run, not after it. A page takes an answer once, and only a fresh one (asked within
 * `freshMs`); otherwise it asks the server itself.
 */
const freshMs = 10_000;
const asked = new Map<string, { at: number; answer: Promise<unknown> }>();

export function askAhead(path: string): void {
  if (asked.has(path)) return;
  const answer = get<unknown>(path);
  answer.catch(() => { /* the page that takes it sees the failure */ });
  asked.set(path, { at: Date.now(), answer });
}

/** An answer that came with another one (the hall's services with the sign-in), kept as if asked for now. */
export function giveAhead(path: string, answer: unknown): void {
  asked.set(path, { at: Date.now(), answer: Promise.resolve(answer) });
}

export function takeAhead<T>(path: string): Promise<T> {
  const early = asked.get(path);
  asked.delete(path);
  return early && Date.now() - early.at < freshMs ? early.answer as Promise<T> : get<T>(path);
}

/** What the service hall shows. */
export const hallAnswer = "/api/services";

/** What a service's form page reads (pages/fill-form.tsx): asked for as the service is tapped, while the page renders. */
export const formAnswers = (serviceId: string) => [`/api/services/${serviceId}`, draftAnswer(serviceId), orgsAnswer];
export const draftAnswer = (serviceId: string) => `/api/services/${serviceId}/draft`;
export const orgsAnswer = "/api/orgs";
