import { Fragment, type ReactNode } from "react";

/**
 * Display content from a form definition as React elements, never as raw HTML: the markup is parsed with the
 * browser's DOMParser (no script runs in a parsed document) and only text, simple formatting tags and http(s) links
 * survive. Everything else keeps its text and loses its tag.
 */
const allowed = new Set(["p", "br", "b", "strong", "i", "em", "u", "ul", "ol", "li", "h3", "h4", "a", "span"]);

export function SafeHtml({ html }: { html: string }) {
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, "text/html");
  return <>{Array.from(doc.body.childNodes).map((node, i) => convert(node, i))}</>;
}

function convert(node: ChildNode, key: number): ReactNode {
  if (node.nodeType === 3) return node.textContent;
  if (node.nodeType !== 1) return null;
  const element = node as Element;
  const children = Array.from(element.childNodes).map((child, i) => convert(child, i));
  const tag = element.tagName.toLowerCase();
  if (tag === "script" || tag === "style") return null;
  if (!allowed.has(tag)) return <Fragment key={key}>{children}</Fragment>;
  if (tag === "br") return <br key={key} />;
  if (tag === "a") {
    const href = element.getAttribute("href") ?? "";
    return /^https?:\/\//i.test(href)
      ? <a key={key} href={href} target="_blank" rel="noopener noreferrer">{children}</a>
      : <Fragment key={key}>{children}</Fragment>;
  }
  const Tag = tag as "p";
  return <Tag key={key}>{children}</Tag>;
}
