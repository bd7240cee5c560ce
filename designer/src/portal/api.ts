import type { FormError } from "../forms";
import type { FileReference } from "../form-view";
import { noteAnswer, noteUnreachable } from "./offline/connectivity";

/**
 * A ProblemDetails answer from the server (API.md): title, detail, for forms errors [{path, rule, message}], and for
 * a refusal by a named rule (a survey's responseLimit, say) that rule.
 */
export class ApiProblem extends Error {
  constructor(readonly status: number, readonly title: string, readonly detail: string | undefined, readonly errors: FormError[], readonly rule?: string) {
    super(detail ? `${title}: ${detail}` : title);
  }
}

/** Calls the FormFlow API with the session cookie; JSON in and out; a problem answer throws ApiProblem. */
export function api<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  return exchange<T>(path, {
    method,
    headers: { Accept: "application/json", ...(body === undefined ? {} : { "Content-Type": "application/json" }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** Uploads one file (POST /api/files, multipart field `file`); the answer is the file reference for form data. */
export function uploadFile(file: Blob, name: string): Promise<FileReference> {
  const form = new FormData();
  form.append("file", file, name);
  return exchange<FileReference>("/api/files", { method: "POST", headers: { Accept: "application/json" }, body: form });
}

/** Where a stored file is read back (its uploader and staff of the uploader's unions may). */
export const fileUrl = (file: FileReference) => `/api/files/${encodeURIComponent(file.id)}`;

/** The form view's file services in the Portal. */
export const fileServices = { upload: uploadFile, fileUrl } as const;

async function exchange<T>(path: string, init: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { ...init, credentials: "same-origin" });
  } catch {
    noteUnreachable();
    throw new ApiProblem(0, "network", "the server could not be reached; check the connection and try again", []);
  }
  noteAnswer(response);
  const text = await response.text();
  const json = text ? safeParse(text) : undefined;
  if (!response.ok) {
    const problem = (json ?? {}) as { title?: string; detail?: string; errors?: unknown; rule?: unknown };
    const errors = Array.isArray(problem.errors) ? (problem.errors as FormError[]).filter(e => typeof e?.path === "string") : [];
    throw new ApiProblem(response.status, problem.title ?? response.statusText, problem.detail, errors, typeof problem.rule === "string" ? problem.rule : undefined);
  }
  return json as T;
}

function safeParse(text: string): unknown {
  try { return JSON.parse(text); } catch { return undefined; }
}

export const get = <T,>(path: string) => api<T>("GET", path);

/** An Idempotency-Key for one user action (a retried tap after a timeout sends the same key). */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}
