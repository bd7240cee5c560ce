import { ReactFlowProvider, useReactFlow, useStoreApi, type Connection, type Edge, type EdgeChange } from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { Alert, Button, Space, Tooltip } from "antd";
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent, type FocusEvent, type KeyboardEvent, type ReactNode } from "react";
import type { Setting } from "../api/types";
import type { Refusal } from "../customisation/lock-check";
import { useI18n } from "../i18n/i18n";
import { portsOf } from "./activity-ports";
import { activitySpec } from "./activity-registry";
import type { ActivityFlowNode, ActivityNodeData } from "./ActivityNode";
import { FlowCanvas } from "./FlowCanvas";
import { ActivityPalette, activityDragType } from "./ActivityPalette";
import { ActivityProperties, localProblems, type WorkflowProblem } from "./ActivityProperties";
import { autoLayout } from "./auto-layout";
import { canvasNames } from "./canvas-names";
import { ConnectDialog } from "./ConnectDialog";
import "./workflow-canvas.css";
import { useServerValidation } from "./use-server-validation";
import { WorkflowJsonDialog } from "./WorkflowJsonDialog";
import {
  addActivity, connect, connectionKey, copySelection, moveActivities, paste, removeActivities, removeConnections, renameActivity,
  type Clipboard,
} from "./workflow-edits";
import { outcomeOf, type ActivityDefinition, type WorkflowDefinition } from "./workflow-definition";
import { tones } from "../app/tones";

export interface WorkflowDesignerProps {
  workflow: WorkflowDefinition;
  /** Structure edits (add, connect, move, delete, paste, layout, JSON); not called while the structure is locked. */
  onChange(next: WorkflowDefinition, merge?: string): void;
  structureLocked?: boolean;
  setInput(activityId: string, name: string, value: unknown, merge?: string): Refusal | undefined;
  boundSetting?(activityId: string, input: string): { key: string; setting: Setting } | undefined;
  setSetting?(key: string, value: unknown): Refusal | undefined;
  history: { undo(): void; redo(): void; canUndo: boolean; canRedo: boolean };
  validate?(workflow: WorkflowDefinition): Promise<WorkflowProblem[]>;
  importElsa?(json: unknown): Promise<WorkflowDefinition>;
  /** Activities a test run passed through, highlighted. */
  visited?: readonly string[];
  lockedActivities?: ReadonlySet<string>;
  /** The lock above that holds one input of an activity (`/inputs/title`): that input is greyed with the reason. */
  propertyLock?(activityId: string, pointer: string): Refusal | undefined;
  formFields?: { key: string; label: string }[];
  /** The module's extension points, marked on the step they follow. */
  extensionPoints?: readonly { id: string; source: string; outcome?: string }[];
  /** More for the selected step under its properties (locks, settings, extension points). */
  extras?(activityId: string): ReactNode;
}

// Activities are immutable: a changed one is a new object, so its local problems can be kept by identity.
const localProblemCache = new WeakMap<ActivityDefinition, WorkflowProblem[]>();
function cachedLocalProblems(activity: ActivityDefinition): WorkflowProblem[] {
  let found = localProblemCache.get(activity);
  if (!found) localProblemCache.set(activity, (found = localProblems(activity)));
  return found;
}

/** The DOM element of a node or edge on the canvas (React Flow writes the ID to data-id). */
function canvasElement(root: HTMLElement | null, kind: "node" | "edge", id: string): HTMLElement | SVGElement | null {
  return root?.querySelector<HTMLElement | SVGElement>(`.react-flow__${kind}[data-id="${CSS.escape(id)}"]`) ?? null;
}

function sameNodeData(a: ActivityNodeData, b: ActivityNodeData): boolean {
  return a.activity === b.activity && a.label === b.label && a.visited === b.visited && a.locked === b.locked && a.extensionPoints?.join() === b.extensionPoints?.join()
    && a.problems.length === b.problems.length && a.problems.every((p, i) => p === b.problems[i]);
}
const noVisits: readonly string[] = [];
const noPoints: readonly { id: string; source: string; outcome?: string }[] = [];

function Designer(props: WorkflowDesignerProps) {
  const { workflow, onChange, structureLocked = false, history, visited = noVisits, extensionPoints = noPoints } = props;
  const { t, locale } = useI18n();
  const flow = useReactFlow();
  const store = useStoreApi();
  const wrapper = useRef<HTMLDivElement>(null);
  const [selectedIds, setSelectedIds] = useState<ReadonlySet<string>>(new Set());
  const [selectedEdges, setSelectedEdges] = useState<ReadonlySet<string>>(new Set());
  const [clipboard, setClipboard] = useState<Clipboard>();
  const [dialog, setDialog] = useState<"json" | "elsa">();
  const [connecting, setConnecting] = useState<string>();
  // What the last keyboard or toolbar edit did, for screen readers (an aria-live region).
  const [announcement, setAnnouncement] = useState("");
  // A step to focus once the canvas has drawn it (after adding it or closing its connect dialog).
  const [focusNext, setFocusNext] = useState<string>();
  const server = useServerValidation(workflow, props.validate);

  const problemsById = useMemo(() => {
    const map = new Map<string, WorkflowProblem[]>();
    const add = (p: WorkflowProblem) => {
      const key = p.activityId ?? "";
      map.set(key, [...(map.get(key) ?? []), p]);
    };
    for (const a of workflow.activities) cachedLocalProblems(a).forEach(add);
    server.problems.forEach(add);
    return map;
  }, [workflow, server.problems]);

  const visitedSet = useMemo(() => new Set(visited), [visited]);
  const names = useMemo(() => canvasNames(workflow, t, (type) => activitySpec(type)?.label[locale] ?? type), [workflow, t, locale]);
  const selectedRef = useRef(selectedIds);
  selectedRef.current = selectedIds;
  // Nodes keep their identity (and React Flow its measurements) unless something they show changed: with 300
  // activities, re-measuring every node after each edit or drag would cost a visible pause.
  const rebuild = useCallback((previous: ActivityFlowNode[]): ActivityFlowNode[] => {
    const byId = new Map(previous.map((n) => [n.id, n]));
    return workflow.activities.map((a, i) => {
      const old = byId.get(a.id);
      const data: ActivityNodeData = {
        activity: a, ports: portsOf(a), label: activitySpec(a.type)?.label[locale] ?? a.type,
        problems: (problemsById.get(a.id) ?? []).map((p) => (p.property ? `${p.property}: ${p.message}` : p.message)),
        visited: visitedSet.has(a.id), locked: props.lockedActivities?.has(a.id) ?? false,
        extensionPoints: extensionPoints.filter((p) => p.source === a.id).map((p) => `${p.id} (${p.outcome ?? "done"})`),
      };
      const position = { x: a.layout?.x ?? (i % 8) * 230, y: a.layout?.y ?? Math.floor(i / 8) * 120 };
      const sameData = old !== undefined && sameNodeData(old.data, data);
      const samePosition = old !== undefined && Math.round(old.position.x) === position.x && Math.round(old.position.y) === position.y;
      const selected = selectedRef.current.has(a.id);
      const ariaLabel = names.node(a);
      if (old && sameData && samePosition && old.draggable === !structureLocked && old.selected === selected && old.ariaLabel === ariaLabel) return old;
      return {
        ...old, id: a.id, type: "activity", position: samePosition ? old!.position : position, draggable: !structureLocked,
        selected, data: sameData ? old!.data : data, ariaLabel,
      };
    });
  }, [workflow, problemsById, visitedSet, locale, structureLocked, props.lockedActivities, extensionPoints, names]);

  // Stable handlers for the canvas: they read the latest definition through a ref.
  const latest = useRef({ workflow, onChange, structureLocked });
  latest.current = { workflow, onChange, structureLocked };
  const onSelect = useCallback((changes: { id: string; selected: boolean }[]) => setSelectedIds((s) => {
    const next = new Set(s);
    for (const c of changes) (c.selected ? next.add(c.id) : next.delete(c.id));
    return next;
  }), []);
  const onMoved = useCallback((positions: Map<string, { x: number; y: number }>) => {
    const { workflow: current, onChange: change, structureLocked: locked } = latest.current;
    if (!locked) change(moveActivities(current, positions));
  }, []);

  const many = workflow.activities.length > 100;
  const edges = useMemo<Edge[]>(() => workflow.connections.map((c) => {
    const key = connectionKey(c);
    const both = visitedSet.has(c.source) && visitedSet.has(c.target);
    return {
      id: key, source: c.source, target: c.target, sourceHandle: outcomeOf(c), selected: selectedEdges.has(key), ariaLabel: names.edge(c),
      // No edge label: the outcome is written at its port, and React Flow measures every label's SVG box (a layout each).
      // Routed around the steps, except on a canvas of many, where React Flow's plain curves keep dragging quick.
      type: many ? undefined : "routed", animated: both,
      style: both ? { stroke: "#52c41a", strokeWidth: 3 } : undefined,
    };
  }), [workflow.connections, selectedEdges, visitedSet, names, many]);

  const onEdgesChange = useCallback((changes: EdgeChange[]) => {
    setSelectedEdges((s) => {
      const next = new Set(s);
      for (const c of changes) if (c.type === "select") (c.selected ? next.add(c.id) : next.delete(c.id));
      return next;
    });
  }, []);

  const onConnect = useCallback((c: Connection) => {
    const { workflow: current, onChange: change, structureLocked: locked } = latest.current;
    if (locked || !c.source || !c.target) return;
    change(connect(current, c.source, c.sourceHandle ?? "done", c.target));
  }, []);

  const deleteSelection = useCallback(() => {
    if (structureLocked) return;
    let next = removeConnections(workflow, selectedEdges);
    next = removeActivities(next, selectedIds);
    if (next.activities.length !== workflow.activities.length || next.connections.length !== workflow.connections.length) {
      const gone = [
        ...workflow.activities.filter((a) => selectedIds.has(a.id)).map((a) => names.title(a.id)),
        ...workflow.connections.filter((c) => selectedEdges.has(connectionKey(c)) && !selectedIds.has(c.source) && !selectedIds.has(c.target)).map(names.edge),
      ];
      onChange(next);
      setSelectedIds(new Set());
      setSelectedEdges(new Set());
      setAnnouncement(t("wf.announceDeleted", { what: gone.join(t("wf.outcomeSeparator")) }));
      // The focused element is gone with what it showed: the canvas keeps the focus, so Ctrl+Z is one key away.
      wrapper.current?.focus();
    }
  }, [workflow, onChange, selectedIds, selectedEdges, structureLocked, names, t]);

  const add = useCallback((type: string, position?: { x: number; y: number }) => {
    if (structureLocked) return;
    // Added without a pointer: right of the one selected step (so a chain built by keyboard reads left to right), else in view.
    const after = selectedIds.size === 1 ? workflow.activities.find((a) => selectedIds.has(a.id))?.layout : undefined;
    const at = position ?? (after ? { x: after.x + 260, y: after.y } : flow.screenToFlowPosition({
      x: (wrapper.current?.getBoundingClientRect().left ?? 0) + 260,
      y: (wrapper.current?.getBoundingClientRect().top ?? 0) + 120,
    }));
    const result = addActivity(workflow, type, at);
    onChange(result.workflow);
    setSelectedIds(new Set([result.id]));
    setAnnouncement(t("wf.announceAdded", { title: names.title(result.id) === result.id ? `${activitySpec(type)?.label[locale] ?? type} ${result.id}` : names.title(result.id) }));
    if (!position) setFocusNext(result.id);
  }, [workflow, onChange, flow, structureLocked, selectedIds, t, names, locale]);

  useEffect(() => {
    if (!focusNext) return;
    let frame = 0;
    let tries = 0;
    const attempt = () => {
      // React Flow keeps a node hidden (so not focusable) until it has measured it: try again on the next frames.
      const element = canvasElement(wrapper.current, "node", focusNext);
      element?.focus();
      if (element && document.activeElement === element) setFocusNext(undefined);
      else if (tries++ < 60) frame = requestAnimationFrame(attempt);
    };
    frame = requestAnimationFrame(attempt);
    return () => cancelAnimationFrame(frame);
  }, [focusNext]);

  // Keyboard focus on a step or connection selects it (and only it), so Delete, C and the property panel act on it.
  const onFocus = useCallback((e: FocusEvent) => {
    const target = e.target as HTMLElement | SVGElement;
    if (!target.matches(":focus-visible")) return;
    const id = target.getAttribute("data-id");
    if (!id) return;
    if (target.classList.contains("react-flow__node")) store.getState().addSelectedNodes([id]);
    else if (target.classList.contains("react-flow__edge")) store.getState().addSelectedEdges([id]);
  }, [store]);

  const connectFrom = useCallback((source: string, outcome: string, target: string) => {
    const next = connect(workflow, source, outcome, target);
    setConnecting(undefined);
    if (next === workflow) return;
    onChange(next);
    setAnnouncement(t("wf.announceConnected", { source: names.title(source), outcome, target: names.title(target) }));
    setFocusNext(source);
  }, [workflow, onChange, t, names]);

  const addRef = useRef(add);
  addRef.current = add;
  const addFromPalette = useCallback((type: string) => addRef.current(type), []);

  const onDrop = useCallback((e: DragEvent) => {
    const type = e.dataTransfer.getData(activityDragType);
    if (!type) return;
    e.preventDefault();
    add(type, flow.screenToFlowPosition({ x: e.clientX, y: e.clientY }));
  }, [add, flow]);

  const layout = useCallback(() => {
    if (structureLocked) return;
    onChange(moveActivities(workflow, autoLayout(workflow)));
    requestAnimationFrame(() => flow.fitView());
  }, [workflow, onChange, flow, structureLocked]);

  const doPaste = useCallback(() => {
    if (!clipboard || structureLocked) return;
    const result = paste(workflow, clipboard);
    onChange(result.workflow);
    setSelectedIds(new Set(result.ids));
  }, [clipboard, workflow, onChange, structureLocked]);

  const onKeyDown = useCallback((e: KeyboardEvent) => {
    const target = e.target as HTMLElement;
    if (target.closest("input, textarea, [contenteditable=true], .ff-properties")) return;
    const mod = e.ctrlKey || e.metaKey;
    const key = e.key.toLowerCase();
    if (mod && key === "z" && !e.shiftKey) { e.preventDefault(); history.undo(); }
    else if (mod && (key === "y" || (key === "z" && e.shiftKey))) { e.preventDefault(); history.redo(); }
    else if (mod && key === "c") { setClipboard(copySelection(workflow, selectedIds)); }
    else if (mod && key === "v") { e.preventDefault(); doPaste(); }
    else if (mod && key === "l") { e.preventDefault(); layout(); }
    else if (key === "delete" || key === "backspace") { e.preventDefault(); deleteSelection(); }
    else if (!mod && key === "c" && selectedIds.size === 1 && !structureLocked) { e.preventDefault(); setConnecting([...selectedIds][0]); }
  }, [history, workflow, selectedIds, doPaste, layout, deleteSelection, structureLocked]);

  const selected = selectedIds.size === 1 ? workflow.activities.find((a) => selectedIds.has(a.id)) : undefined;
  const connectSource = connecting ? workflow.activities.find((a) => a.id === connecting) : undefined;
  const formFields = props.formFields ?? [];
  const generalProblems = problemsById.get("") ?? [];

  return (
    <div className="ff-workflow-designer" style={{ display: "grid", gridTemplateColumns: "200px 1fr 320px", height: "100%", minHeight: 560 }}>
      <div style={{ overflow: "auto", borderRight: "1px solid #f0f0f0", padding: 6 }}>
        <ActivityPalette onAdd={addFromPalette} disabled={structureLocked} />
      </div>
      <div style={{ display: "flex", flexDirection: "column", minWidth: 0 }}>
        <Space wrap style={{ padding: 6, borderBottom: "1px solid #f0f0f0" }}>
          <Button size="small" onClick={history.undo} disabled={!history.canUndo}>{t("wf.undo")}</Button>
          <Button size="small" onClick={history.redo} disabled={!history.canRedo}>{t("wf.redo")}</Button>
          <Button size="small" onClick={() => setClipboard(copySelection(workflow, selectedIds))} disabled={selectedIds.size === 0}>{t("wf.copy")}</Button>
          <Button size="small" onClick={doPaste} disabled={!clipboard || structureLocked}>{t("wf.paste")}</Button>
          <Button size="small" onClick={() => selected && setConnecting(selected.id)} disabled={structureLocked || !selected || portsOf(selected).length === 0}>{t("wf.connectTo")}</Button>
          <Button size="small" onClick={deleteSelection} disabled={structureLocked || (selectedIds.size === 0 && selectedEdges.size === 0)}>{t("wf.deleteSelection")}</Button>
          <Button size="small" onClick={layout} disabled={structureLocked}>{t("wf.autoLayout")}</Button>
          <Button size="small" onClick={() => setDialog("json")}>{t("wf.json")}</Button>
          <Button size="small" onClick={() => setDialog("elsa")} disabled={structureLocked || !props.importElsa}>{t("wf.import")}</Button>
          <Tooltip title={t("wf.shortcuts")}><span style={{ color: tones.secondary }}>⌨</span></Tooltip>
          {problemsById.size > 0 && <span className="ff-problem-count" style={{ color: tones.problem }}>{t("wf.problems", { count: [...problemsById.values()].reduce((n, l) => n + l.length, 0) })}</span>}
        </Space>
        {generalProblems.map((p, i) => <Alert key={i} type="warning" banner title={p.message} />)}
        {server.failure && <Alert type="info" banner title={`${t("wf.serverErrors")}: ${server.failure}`} />}
        <div aria-live="polite" className="ff-sr-only" data-testid="canvas-announcement">{announcement}</div>
        <div ref={wrapper} tabIndex={0} role="region" aria-label={t("wf.canvas")} onKeyDown={onKeyDown} onFocus={onFocus} onDragOver={(e) => { e.preventDefault(); e.dataTransfer.dropEffect = "move"; }} onDrop={onDrop}
          className="ff-canvas" data-testid="workflow-canvas" style={{ flex: 1, minHeight: 480 }}>
          <FlowCanvas rebuild={rebuild} edges={edges} onSelect={onSelect} onMoved={onMoved} onConnect={onConnect} onEdgesChange={onEdgesChange}
            connectable={!structureLocked} many={many} />
        </div>
      </div>
      <div style={{ overflow: "auto", borderLeft: "1px solid #f0f0f0", padding: 8 }}>
        {selected ? (
          <ActivityProperties
            key={selected.id}
            workflow={workflow}
            activity={selected}
            problems={problemsById.get(selected.id) ?? []}
            structureLocked={structureLocked}
            locked={props.lockedActivities?.has(selected.id)}
            propertyLock={(pointer) => props.propertyLock?.(selected.id, pointer)}
            formFields={formFields}
            setInput={(name, value, merge) => props.setInput(selected.id, name, value, merge)}
            boundSetting={(input) => props.boundSetting?.(selected.id, input)}
            setSetting={(key, value) => props.setSetting?.(key, value)}
            connect={(outcome, target) => {
              const without = removeConnections(workflow, new Set(workflow.connections.filter((c) => c.source === selected.id && outcomeOf(c) === outcome).map(connectionKey)));
              onChange(target ? connect(without, selected.id, outcome, target) : without);
            }}
            rename={(next) => {
              const renamed = renameActivity(workflow, selected.id, next);
              if (renamed !== workflow) { onChange(renamed); setSelectedIds(new Set([next])); }
            }}
          />
        ) : <p style={{ color: tones.secondary }}>{t("wf.noSelection")}</p>}
        {selected && props.extras?.(selected.id)}
      </div>
      {connectSource && (
        <ConnectDialog workflow={workflow} source={connectSource} onConnect={(outcome, target) => connectFrom(connectSource.id, outcome, target)}
          onClose={() => { setConnecting(undefined); setFocusNext(connectSource.id); }} />
      )}
      <WorkflowJsonDialog mode={dialog} workflow={workflow} onClose={() => setDialog(undefined)}
        onApply={(next) => !structureLocked && onChange(next)} importElsa={props.importElsa ?? (async () => { throw new Error("import unavailable"); })} />
    </div>
  );
}

/** The workflow designer: palette, canvas (@xyflow/react) with minimap and zoom, property panel, JSON view. */
export function WorkflowDesigner(props: WorkflowDesignerProps) {
  return (
    <ReactFlowProvider>
      <Designer {...props} />
    </ReactFlowProvider>
  );
}
