/**
 * Text colours the Studio sets inline, chosen to pass WCAG 2 AA contrast (4.5:1) on the light greys antd puts behind
 * them (#f5f5f5, #fafafa): secondary text, what a diff adds or removes, why an element is locked, and problems.
 */
export const tones = { secondary: "#595959", added: "#237804", removed: "#cf1322", locked: "#874d00", problem: "#cf1322" } as const;
