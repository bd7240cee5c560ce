import { Fragment, type ReactNode } from "react";

/**
 * A feed item's body as React elements, never as raw HTML. The server already sanitised it (HtmlSanitizer); the
 * Portal checks again on its side: the markup is parsed with DOMParser (nothing runs in a parsed document) and only
 * the tags the server allows survive, links only to http(s), mailto and tel, images only from this server's files API
 * (the page's CSP allows no other image). Everything else keeps its text and loses its tag.
 */
const allowed = new Set([
  "p", "br", "h2", "h3", "h4", "strong", "b", "em", "i", "u", "s", "ul", "ol", "li", "a", "img", "blockquote",
  "hr", "table", "thead", "tbody", "tr", "th", "td", "code", "pre",
]);
const ownFile = /^\/api\/files\/[0-9a-f]{32}$/;
const safeLink = /^(https?:|mailto:|tel:)/i;

export function RichBody({ html }: { html: string }) {
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, "text/html");
  return <div className="pf-rich">{Array.from(doc.body.childNodes).map((node, i) => convert(node, i))}</div>;
}

function convert(node: ChildNode, key: number): ReactNode {
  if (node.nodeType === 3) return node.textContent;
  if (node.nodeType !== 1) return null;
  const element = node as Element;
  const tag = element.tagName.toLowerCase();
  if (tag === "script" || tag === "style") return null;
  // Text directly inside a table's structure is only whitespace, and React refuses it there.
  const structural = tag === "table" || tag === "thead" || tag === "tbody" || tag === "tr" || tag === "ul" || tag === "ol";
  const children = Array.from(element.childNodes).filter(child => !structural || child.nodeType === 1).map((child, i) => convert(child, i));
  if (!allowed.has(tag)) return <Fragment key={key}>{children}</Fragment>;
  switch (tag) {
    case "br": return <br key={key} />;
    case "hr": return <hr key={key} />;
    case "img": {
      const src = element.getAttribute("src") ?? "";
      return ownFile.test(src) ? <img key={key} src={src} alt={element.getAttribute("alt") ?? ""} loading="lazy" /> : null;
    }
    case "a": {
      const href = element.getAttribute("href") ?? "";
      return safeLink.test(href)
        ? <a key={key} href={href} {...(/^https?:/i.test(href) ? { target: "_blank", rel: "noopener noreferrer" } : {})}>{children}</a>
        : <Fragment key={key}>{children}</Fragment>;
    }
    case "td": case "th": {
      const Cell = tag;
      const span = (name: string) => Number(element.getAttribute(name)) || undefined;
      return <Cell key={key} colSpan={span("colspan")} rowSpan={span("rowspan")}>{children}</Cell>;
    }
    default: {
      const Tag = tag as "p";
      return <Tag key={key}>{children}</Tag>;
    }
  }
}
