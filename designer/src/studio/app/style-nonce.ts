/**
 * Gives every <style> element that script creates the page's nonce. antd's own styles take the nonce from
 * ConfigProvider, but two helpers inside its dependencies (@rc-component/util's scrollbar measurement for tables and
 * the body scroll lock of modals) insert style elements without it, which the server's style-src policy blocks and
 * reports. Only script can call createElement, and script-src is 'self', so injected markup still gets no style.
 */
export function nonceScriptStyles(nonce: string | undefined): void {
  if (!nonce) return;
  const create = Document.prototype.createElement;
  Document.prototype.createElement = function (this: Document, tagName: string, options?: ElementCreationOptions) {
    const element = create.call(this, tagName, options);
    if (element instanceof HTMLStyleElement && !element.nonce) element.nonce = nonce;
    return element;
  } as typeof Document.prototype.createElement;
}
