import { ApiError, errorText } from "../api/client";
import type { Translate } from "./i18n";
import type { MessageKey } from "./messages";

/**
 * The server's refusals (ProblemDetails) are English by design, for API clients. Those a Studio user meets often
 * are named by their title, which the server keeps stable: they read in the user's language, with the server's
 * own sentence kept beside them so nothing it said is hidden.
 */
const known: Record<string, MessageKey> = {
  "Forbidden": "refusal.forbidden",
  "Module not found": "refusal.notFound",
  "Module archived": "refusal.archived",
  "Already archived": "refusal.alreadyArchived",
  "Not archived": "refusal.notArchived",
};

export interface RefusalText {
  /** What the user reads first: a known refusal in their language, else the server's words. */
  text: string;
  /** The server's own sentence, when `text` is the Studio's wording of it. */
  detail?: string;
}

/** `worded` overrides the wording of a title for one action (an archive's Forbidden says who may archive). */
export function refusalText(error: unknown, t: Translate, worded: Record<string, MessageKey> = {}): RefusalText {
  const key = error instanceof ApiError ? worded[error.title] ?? known[error.title] : undefined;
  return key ? { text: t(key), detail: errorText(error) } : { text: errorText(error) };
}
