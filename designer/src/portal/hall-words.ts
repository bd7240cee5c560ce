import type { Word } from "./i18n";

/** The categories of the shipped modules and the words naming them; other codes show as they are. */
export const categoryWords: Readonly<Record<string, Word>> = {
  membership: "membership", benefits: "benefitsCategory", legal: "legal", content: "contentCategory", participation: "participation",
};

/**
 * The words of the first screens, which the server draws into the page before any script has run (first-screen.ts):
 * a signed-in worker's hall, and the sign-in form. The build writes them, with the category words, to
 * dist/portal-words.json (vite.config.ts), so the server reads the Portal's own words and keeps none of its own.
 */
export const firstScreenWords: readonly Word[] = [
  "appName", "hall", "myCases", "card", "training", "inbox", "staffCases", "merchant", "feed", "notifications", "me",
  "noServices", "other", ...Object.values(categoryWords),
  "userName", "password", "signIn", "register", "signInFailed", "unionNoAccount", "unionFailed", "or", "signInWith",
];
