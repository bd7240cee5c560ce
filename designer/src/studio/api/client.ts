/** One problem of a ProblemDetails answer, as the server lists them (form errors, lock violations, workflow checks). */
export interface ProblemItem {
  path?: string;
  rule?: string;
  message?: string;
  element?: string;
  property?: string;
  lockedBy?: { orgUnitId?: string; orgName?: string; level?: string };
  reason?: string;
  activityId?: string;
}

/** A non-2xx answer: the ProblemDetails title/detail and its itemised errors. */
export class ApiError extends Error {
  /** `field`: the request field the server named as at fault (moduleId, name, ownerOrgId ...). */
  constructor(readonly status: number, readonly title: string, readonly detail: string | undefined, readonly errors: ProblemItem[], readonly field?: string) {
    super(detail ? `${title}: ${detail}` : title);
  }
}

async function problemOf(response: Response): Promise<ApiError> {
  let body: { title?: string; detail?: string; errors?: unknown; field?: unknown } = {};
  try {
    body = await response.json();
  } catch {
    // not JSON (a proxy page, an empty 404): the status line is all we have
  }
  const errors = Array.isArray(body.errors) ? (body.errors as ProblemItem[]) : [];
  return new ApiError(response.status, body.title ?? `${response.status} ${response.statusText}`, body.detail, errors,
    typeof body.field === "string" ? body.field : undefined);
}

/** JSON over fetch with the session cookie; throws ApiError for any answer that is not 2xx. */
export async function request<T>(method: string, url: string, body?: unknown): Promise<T> {
  const response = await fetch(url, {
    method,
    credentials: "same-origin",
    headers: body === undefined ? { Accept: "application/json" } : { Accept: "application/json", "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw await problemOf(response);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** A short text for any error a call may throw, with the server's itemised reasons. */
export function errorText(error: unknown): string {
  if (error instanceof ApiError) {
    const items = error.errors.map((e) => e.reason ?? e.message).filter(Boolean);
    return [error.message, ...items].join("；");
  }
  return error instanceof Error ? error.message : String(error);
}
