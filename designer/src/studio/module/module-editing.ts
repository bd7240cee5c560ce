import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { FormDefinition } from "../../forms";
import { ApiError } from "../api/client";
import { studioApi } from "../api/studio-api";
import type { ModuleDocument, ModulePreview, ModuleSummary, OrgLevel, OverlayOperation } from "../api/types";
import { indexElements, readPointer, withProperty, type ElementEntry } from "../customisation/element-index";
import { propertyLock, setRefusal, type Refusal } from "../customisation/lock-check";
import { useHistory } from "../history/use-history";
import type { WorkflowDefinition } from "../workflow-designer/workflow-definition";

/** One editing state: the module as shown, and for a derived module the overlay that produces it. */
export interface Editable { document: ModuleDocument; operations: OverlayOperation[] }

/**
 * What the designers edit through. A template's draft is edited directly (structure and properties); a derived
 * module is edited as overlay `set` operations on the resolved preview, refused where a lock above applies.
 */
export interface ModuleEditing {
  kind: "template" | "derived";
  document: ModuleDocument;
  operations: OverlayOperation[];
  index: Map<string, ElementEntry>;
  dirty: boolean;
  /** Sets one property of one element; returns the refusal instead when a lock forbids it. */
  setProperty(elementId: string, pointer: string, value: unknown, merge?: string): Refusal | undefined;
  refusal(elementId: string, pointer: string, value: unknown): Refusal | undefined;
  /** Derived modules: the properties lock above that holds this property whatever its value (its input is greyed). */
  propertyLock(elementId: string, pointer: string): Refusal | undefined;
  /** Structure edits: templates only. */
  setWorkflow(next: WorkflowDefinition, merge?: string): void;
  setForm(index: number, next: FormDefinition, merge?: string): void;
  /** Templates: any other edit of the document (settings, locks, extension points: studio/authoring). */
  editDocument(change: (document: ModuleDocument) => ModuleDocument, merge?: string): void;
  replaceOperations(operations: OverlayOperation[]): void;
  /**
   * Derived modules: saves the overlay with these operations (adds, hides ...) and shows what the server resolves
   * from it; a refusal (a lock, an unsound result) comes back as the server worded it and nothing changes.
   */
  applyOperations(operations: OverlayOperation[]): Promise<Refusal | undefined>;
  /** The package version the next publish gets (templates: published versions are immutable). */
  setVersion(version: string): void;
  undo(): void;
  redo(): void;
  canUndo: boolean;
  canRedo: boolean;
  /** Saves with the revision it loaded; someone else's save in between rejects with a 409 (isStaleDraft) and keeps theirs. */
  save(): Promise<void>;
  /** Re-reads the server state (after a save, an upgrade decision, a publish, someone else's save). */
  reload(): Promise<void>;
  preview?: ModulePreview;
}

export function upsertSet(operations: OverlayOperation[], elementId: string, path: string, value: unknown, was: unknown): OverlayOperation[] {
  const at = operations.findIndex((o) => o.op === "set" && o.element === elementId && o.path === path);
  if (at < 0) return [...operations, { op: "set", element: elementId, path, value, was: was ?? null }];
  const existing = operations[at] as Extract<OverlayOperation, { op: "set" }>;
  // Setting it back to what it was written against removes the override.
  if (JSON.stringify(existing.was) === JSON.stringify(value)) return operations.filter((_, i) => i !== at);
  return operations.map((o, i) => (i === at ? { ...existing, value } : o));
}

/** A 422 of the overlay endpoint as a refusal: the engine's message (it names the lock's reason) and the locking org. */
export function serverRefusal(error: unknown): Refusal | undefined {
  if (!(error instanceof ApiError) || error.status !== 422) return undefined;
  const item = error.errors.find((e) => e.lockedBy) ?? error.errors[0];
  const by = item?.lockedBy;
  return {
    reason: item?.message ?? item?.reason ?? error.detail ?? error.title,
    lockedBy: by ? { id: by.orgUnitId ?? "", name: by.orgName, level: (by.level ?? "city") as OrgLevel } : undefined,
  };
}

export function useModuleEditing(summary: ModuleSummary, myOrgId: string | number | undefined): { editing?: ModuleEditing; error?: unknown } {
  const history = useHistory<Editable | undefined>(undefined);
  const [saved, setSaved] = useState<Editable | undefined>();
  const [preview, setPreview] = useState<ModulePreview | undefined>();
  const [error, setError] = useState<unknown>();
  // The draft's revision as the server last said (ETag): a save names it, so it cannot overwrite a save made since.
  const etag = useRef<string | undefined>(undefined);

  const load = useCallback(async () => {
    try {
      if (summary.kind === "template") {
        const { body: document, etag: revision } = await studioApi.draft(summary.id);
        etag.current = revision;
        const state = { document, operations: [] };
        history.reset(state);
        setSaved(state);
      } else {
        const [p, { body: overlay, etag: revision }] = await Promise.all([studioApi.preview(summary.id), studioApi.overlay(summary.id)]);
        etag.current = revision;
        if (!p.module) throw new Error(p.soundness.map((problem) => problem.message).join("；"));
        const state = { document: p.module, operations: overlay.operations };
        setPreview(p);
        history.reset(state);
        setSaved(state);
      }
      setError(undefined);
    } catch (e) {
      setError(e);
    }
  }, [summary.id, summary.kind]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => { void load(); }, [load]);

  const present = history.present;
  const index = useMemo(() => (present ? indexElements(present.document) : new Map<string, ElementEntry>()), [present]);

  const editing = useMemo<ModuleEditing | undefined>(() => {
    if (!present) return undefined;
    const derived = summary.kind === "derived";
    const refusal = (elementId: string, pointer: string, value: unknown) =>
      derived ? setRefusal(present.document, index, myOrgId, elementId, pointer, value) : undefined;
    return {
      kind: summary.kind,
      document: present.document,
      operations: present.operations,
      index,
      dirty: present !== saved,
      preview,
      refusal,
      propertyLock: (elementId, pointer) => (derived ? propertyLock(present.document, myOrgId, elementId, pointer) : undefined),
      setProperty(elementId, pointer, value, merge) {
        const refused = refusal(elementId, pointer, value);
        if (refused) return refused;
        const document = withProperty(present.document, elementId, pointer, value);
        const was = readPointer(index.get(elementId)?.node, pointer);
        const operations = derived ? upsertSet(present.operations, elementId, pointer, value, was) : present.operations;
        history.commit({ document, operations }, merge === undefined ? undefined : `${elementId}${pointer}:${merge}`);
        return undefined;
      },
      setWorkflow(next, merge) {
        if (derived) return;
        history.commit({ ...present, document: { ...present.document, workflow: next } }, merge);
      },
      setForm(i, next, merge) {
        if (derived) return;
        history.commit({ ...present, document: { ...present.document, forms: present.document.forms.map((f, n) => (n === i ? next : f)) } }, merge);
      },
      editDocument(change, merge) {
        if (!derived) history.commit({ ...present, document: change(present.document) }, merge);
      },
      setVersion(version) {
        if (!derived) history.commit({ ...present, document: { ...present.document, version } }, "version");
      },
      replaceOperations(operations) {
        history.commit({ ...present, operations });
      },
      async applyOperations(operations) {
        if (!derived) return undefined;
        try {
          await studioApi.saveOverlay(summary.id, operations);
        } catch (e) {
          const refused = serverRefusal(e);
          if (refused) return refused;
          throw e;
        }
        const p = await studioApi.preview(summary.id);
        if (!p.module) throw new Error(p.soundness.map((problem) => problem.message).join("；"));
        // Committed, not reset: undo goes back to the overlay before (unsaved again until the next save).
        const state = { document: p.module, operations };
        setPreview(p);
        history.commit(state);
        setSaved(state);
        return undefined;
      },
      undo: history.undo,
      redo: history.redo,
      canUndo: history.canUndo,
      canRedo: history.canRedo,
      async save() {
        const answer = derived
          ? await studioApi.saveOverlay(summary.id, present.operations, etag.current)
          : await studioApi.saveDraft(summary.id, present.document, etag.current);
        etag.current = answer.etag;
        setSaved(present);
        if (derived) await load();
      },
      reload: load,
    };
  }, [present, saved, preview, index, summary.id, summary.kind, myOrgId]); // eslint-disable-line react-hooks/exhaustive-deps

  return { editing, error };
}
