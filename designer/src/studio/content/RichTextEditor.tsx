import { EditorContent, useEditor, useEditorState } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import { Button, Space } from "antd";
import { useEffect } from "react";
import { useI18n } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";

/**
 * The body editor: tiptap's StarterKit limited to what the server's sanitiser keeps (paragraphs, h2–h4, bold,
 * italic, lists, quotes, code). It writes HTML; the server sanitises it again, so this is convenience, not a gate.
 * tiptap's own <style> element gets the page nonce (app/style-nonce.ts), so the Studio's CSP holds.
 */
export function RichTextEditor({ value, onChange, labelledBy }: { value: string; onChange: (html: string) => void; labelledBy: string }) {
  const { t } = useI18n();
  const editor = useEditor({
    extensions: [StarterKit.configure({ heading: { levels: [2, 3, 4] }, link: false, underline: false, trailingNode: false })],
    content: value,
    editorProps: { attributes: { class: "ff-rich-editor", role: "textbox", "aria-multiline": "true", "aria-labelledby": labelledBy } },
    onUpdate: ({ editor: e }) => onChange(e.getHTML()),
  });
  // A different item opened in the same editor: show its body.
  useEffect(() => {
    if (editor && value !== editor.getHTML()) editor.commands.setContent(value, { emitUpdate: false });
  }, [editor, value]);
  const active = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e?.isActive("bold") ?? false, italic: e?.isActive("italic") ?? false, heading: e?.isActive("heading", { level: 2 }) ?? false,
      bulletList: e?.isActive("bulletList") ?? false, orderedList: e?.isActive("orderedList") ?? false, quote: e?.isActive("blockquote") ?? false,
    }),
  });
  if (!editor) return null;
  const tools: [MessageKey, keyof NonNullable<typeof active>, () => void][] = [
    ["editor.bold", "bold", () => editor.chain().focus().toggleBold().run()],
    ["editor.italic", "italic", () => editor.chain().focus().toggleItalic().run()],
    ["editor.heading", "heading", () => editor.chain().focus().toggleHeading({ level: 2 }).run()],
    ["editor.bulletList", "bulletList", () => editor.chain().focus().toggleBulletList().run()],
    ["editor.orderedList", "orderedList", () => editor.chain().focus().toggleOrderedList().run()],
    ["editor.quote", "quote", () => editor.chain().focus().toggleBlockquote().run()],
  ];
  return (
    <div className="ff-rich">
      <Space wrap size={4} role="toolbar" aria-label={t("content.body")}>
        {tools.map(([label, key, run]) => (
          <Button key={key} size="small" type={active?.[key] ? "primary" : "default"} aria-pressed={active?.[key] ?? false} onClick={run}>{t(label)}</Button>
        ))}
      </Space>
      <EditorContent editor={editor} />
    </div>
  );
}
