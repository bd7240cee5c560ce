import type { Locale } from "../../forms";
import { viewText } from "../view-text";

/**
 * What the field says when an upload was refused: the server's 413 and 415 answers in the worker's words (its
 * ProblemDetails detail is technical English), anything else with the error's own message.
 */
export function uploadProblem(locale: Locale, name: string, error: unknown): string {
  const status = (error as { status?: unknown } | null)?.status;
  const reason = status === 413 ? viewText(locale, "tooLarge")
    : status === 415 ? viewText(locale, "wrongType")
    : error instanceof Error ? error.message : String(error);
  return viewText(locale, "uploadFailed", name, reason);
}
