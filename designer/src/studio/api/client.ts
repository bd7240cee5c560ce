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
  /** A test run's field errors name the step that checked the data. */
  step?: string;
}

/** A non-2xx answer: the ProblemDetails title/detail and its itemised errors. */
export class ApiError extends Error {
  constructor(readonly status: number, readonly title: string, readonly detail: string | undefined, readonly errors: ProblemItem[],
    /** The ProblemDetails' other members (e.g. savedBy and savedAt of a 409 on a draft). */
    readonly extensions: Record<string, unknown> = {}) {
    super(detail ? `${title}: ${detail}` : title);
  }

  /** The request field the server named as at fault (moduleKey, name, ownerOrgId ...). */
  get field(): string | undefined {
    return typeof this.extensions.field === "string" ? this.extensions.field : undefined;
  }
}

async function problemOf(response: Response): Promise<ApiError> {
  let body: { title?: string; detail?: string; errors?: unknown; [member: string]: unknown } = {};
  try {
    body = await response.json();
  } catch {
    // not JSON (a proxy page, an empty 404): the status line is all we have
  }
  const errors = Array.isArray(body.errors) ? (body.errors as ProblemItem[]) : [];
  const { title, detail, errors: _errors, type: _type, status: _status, traceId: _traceId, ...extensions } = body;
  return new ApiError(response.status, title ?? `${response.status} ${response.statusText}`, detail, errors, extensions);
}

/** A JSON answer with the ETag it came with (the revision a later If-Match names). */
export interface Tagged<T> { body: T; etag?: string }

/** JSON over fetch with the session cookie, with the ETag; If-Match when given. Throws ApiError for any answer that is not 2xx. */
export async function requestTagged<T>(method: string, url: string, body?: unknown, ifMatch?: string): Promise<Tagged<T>> {
  const headers: Record<string, string> = { Accept: "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (ifMatch) headers["If-Match"] = ifMatch;
  const response = await fetch(url, {
    method,
    credentials: "same-origin",
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw await problemOf(response);
  const etag = response.headers.get("ETag") ?? undefined;
  if (response.status === 204) return { body: undefined as T, etag };
  const text = await response.text();
  return { body: (text ? JSON.parse(text) : undefined) as T, etag };
}

/** JSON over fetch with the session cookie; throws ApiError for any answer that is not 2xx. */
export async function request<T>(method: string, url: string, body?: unknown): Promise<T> {
  return (await requestTagged<T>(method, url, body)).body;
}

/** Uploads one file (multipart, as POST /api/files takes it) and returns its reference. */
export async function upload(file: File): Promise<{ id: string; name: string }> {
  const form = new FormData();
  form.append("file", file);
  const response = await fetch("/api/files", { method: "POST", credentials: "same-origin", headers: { Accept: "application/json" }, body: form });
  if (!response.ok) throw await problemOf(response);
  return await response.json() as { id: string; name: string };
}

/** A 409 saying someone else saved the draft after it was loaded: {savedBy, savedAt} name them. */
export function isStaleDraft(error: unknown): error is ApiError {
  return error instanceof ApiError && error.status === 409 && typeof error.extensions.savedBy === "string";
}

/** A short text for any error a call may throw, with the server's itemised reasons. */
export function errorText(error: unknown): string {
  if (error instanceof ApiError) {
    const items = error.errors.map((e) => e.reason ?? e.message).filter(Boolean);
    return [error.message, ...items].join("；");
  }
  return error instanceof Error ? error.message : String(error);
}
