import type { FormError } from "../forms";

/** A ProblemDetails answer from the server (API.md): title, detail, and for forms errors [{path, rule, message}]. */
export class ApiProblem extends Error {
  constructor(readonly status: number, readonly title: string, readonly detail: string | undefined, readonly errors: FormError[]) {
    super(detail ? `${title}: ${detail}` : title);
  }
}

/** Calls the FormFlow API with the session cookie; JSON in and out; a problem answer throws ApiProblem. */
export async function api<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: "same-origin",
      headers: { Accept: "application/json", ...(body === undefined ? {} : { "Content-Type": "application/json" }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiProblem(0, "network", "the server could not be reached; check the connection and try again", []);
  }
  const text = await response.text();
  const json = text ? safeParse(text) : undefined;
  if (!response.ok) {
    const problem = (json ?? {}) as { title?: string; detail?: string; errors?: unknown };
    const errors = Array.isArray(problem.errors) ? (problem.errors as FormError[]).filter(e => typeof e?.path === "string") : [];
    throw new ApiProblem(response.status, problem.title ?? response.statusText, problem.detail, errors);
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
