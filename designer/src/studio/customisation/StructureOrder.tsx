import { Alert, Button, Select, Space, Tag, Typography } from "antd";
import { useMemo, useState } from "react";
import { localize, type LocalizedText } from "../../forms";
import { errorText } from "../api/client";
import type { OverlayOperation } from "../api/types";
import { useI18n } from "../i18n/i18n";
import type { ModuleEditing } from "../module/module-editing";
import type { ElementEntry } from "./element-index";
import { moveRefusal, type Refusal } from "./lock-check";
import { movable, movedIds, moveIntoOperation, moveTargets, stepOperation, withMove, type MoveOperation } from "./move-operations";
import { RefusalAlert } from "./StructureEditor";

/**
 * The module's forms as an outline (pages, sections, fields in their resolved order) where a derived module moves
 * them: up and down among their siblings, or into another section (a field) or page (a section). A lock above
 * refuses before anything is sent; otherwise the move is saved and the server resolves it, or refuses.
 */
export function StructureOrder({ editing, myOrgId, apply }: {
  editing: ModuleEditing;
  myOrgId: string | number | undefined;
  /** Saves the overlay as given; resolves to the server's refusal when there is one. */
  apply(operations: OverlayOperation[]): Promise<Refusal | undefined>;
}) {
  const { t, locale } = useI18n();
  const { document, index, operations } = editing;
  const [outcome, setOutcome] = useState<{ element: string; refusal?: Refusal; failure?: string }>();
  const [busy, setBusy] = useState(false);
  const children = useMemo(() => {
    const byParent = new Map<string, ElementEntry[]>();
    for (const e of index.values()) if (e.parent && e.kind !== "activity") byParent.set(e.parent, [...(byParent.get(e.parent) ?? []), e]);
    return byParent;
  }, [index]);
  const moved = useMemo(() => movedIds(operations), [operations]);
  const title = (e: ElementEntry) => localize((e.node.label ?? e.node.title) as LocalizedText | undefined, locale) || e.id;

  const move = async (id: string, build: () => MoveOperation) => {
    let operation: MoveOperation;
    try {
      operation = build();
    } catch (e) {
      setOutcome({ element: id, failure: (e as Error).message });
      return;
    }
    const local = moveRefusal(document, index, myOrgId, id, operation.parent);
    if (local) { setOutcome({ element: id, refusal: local }); return; }
    setBusy(true);
    try {
      const refusal = await apply(withMove(operations, operation));
      setOutcome(refusal ? { element: id, refusal } : undefined);
    } catch (e) {
      setOutcome({ element: id, failure: errorText(e) });
    } finally {
      setBusy(false);
    }
  };

  const targetLabel = (target: ElementEntry) => (target.kind === "section" && target.parent
    ? `${title(index.get(target.parent)!)} / ${title(target)}` : title(target));

  const outline = (parent: string) => {
    const list = children.get(parent) ?? [];
    if (list.length === 0) return null;
    return (
      <ul style={{ listStyle: "none", margin: 0, paddingLeft: 20 }}>
        {list.map((e, at) => {
          const targets = movable(e) ? moveTargets(index, e.id) : [];
          return (
            <li key={e.id}>
              <div className="ff-order-row" data-element={e.id}
                style={{ display: "flex", justifyContent: "space-between", alignItems: "center", gap: 8, padding: "2px 4px", borderBottom: "1px solid #f0f0f0" }}>
                <span style={{ fontWeight: e.kind === "field" ? undefined : 600 }}>
                  {title(e)} <code>{e.id}</code>
                  {moved.has(e.id) && <Tag color="blue" style={{ marginLeft: 4 }}>{t("cust.moved")}</Tag>}
                </span>
                {movable(e) && (
                  <Space size={4}>
                    <Button size="small" disabled={busy || at === 0} onClick={() => void move(e.id, () => stepOperation(index, e.id, "up"))}>{t("cust.moveUp")}</Button>
                    <Button size="small" disabled={busy || at === list.length - 1} onClick={() => void move(e.id, () => stepOperation(index, e.id, "down"))}>{t("cust.moveDown")}</Button>
                    {targets.length > 0 && (
                      <Select size="small" style={{ width: 220 }} aria-label={t("cust.moveTo")} placeholder={t("cust.moveTo")} value={null} disabled={busy}
                        options={targets.map((target) => ({ value: target.id, label: targetLabel(target) }))}
                        onChange={(target: string) => void move(e.id, () => moveIntoOperation(index, e.id, target))} />
                    )}
                  </Space>
                )}
              </div>
              {outcome?.element === e.id && (outcome.refusal
                ? <RefusalAlert refusal={outcome.refusal} />
                : <Alert type="error" role="alert" title={outcome.failure} style={{ marginBottom: 8 }} />)}
              {outline(e.id)}
            </li>
          );
        })}
      </ul>
    );
  };

  return (
    <section className="ff-structure-order" aria-label={t("cust.order")}>
      <Typography.Paragraph type="secondary">{t("cust.orderHint")}</Typography.Paragraph>
      {document.forms.map((form) => (
        <div key={form.id}>
          <Typography.Text strong>{localize(form.title, locale) || form.id}</Typography.Text>
          {outline(form.id)}
        </div>
      ))}
    </section>
  );
}
