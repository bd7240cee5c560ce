import type { Word } from "./i18n";

/** The server's password rules (ASP.NET Identity as FormFlow sets it up: 12 characters, and each kind of character). */
export const passwordRules: { word: Word; met: (password: string) => boolean }[] = [
  { word: "ruleLength", met: p => [...p].length >= 12 },
  { word: "ruleLower", met: p => /\p{Ll}/u.test(p) },
  { word: "ruleUpper", met: p => /\p{Lu}/u.test(p) },
  { word: "ruleDigit", met: p => /\d/.test(p) },
  { word: "ruleSymbol", met: p => /[^\p{L}\p{N}]/u.test(p) },
];

/** The reset link's account and token, or null when the link lost one of them (cut off when copied, say). */
export function resetLinkParams(search: string): { accountId: string; token: string } | null {
  const query = new URLSearchParams(search);
  const accountId = query.get("account"), token = query.get("token");
  return accountId && token ? { accountId, token } : null;
}
