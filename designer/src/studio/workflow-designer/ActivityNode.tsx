import { Handle, Position, type Node, type NodeProps } from "@xyflow/react";
import { memo } from "react";
import { categoryColour } from "./activity-catalog";
import { activitySpec } from "./activity-registry";
import { nodeHeight, nodeWidth, portTop } from "./node-size";
import { activityTitle, type ActivityDefinition } from "./workflow-definition";
import { tones } from "../app/tones";

export interface ActivityNodeData extends Record<string, unknown> {
  activity: ActivityDefinition;
  ports: string[];
  label: string;
  problems: string[];
  visited: boolean;
  locked: boolean;
  /** Extension points after this step: `id (outcome)`. */
  extensionPoints?: string[];
}

/** The title's font size on the canvas at zoom 1 (the opening zoom keeps it readable: big-canvas.ts). */
export const titleFontSize = 14;

export type ActivityFlowNode = Node<ActivityNodeData, "activity">;

/** One activity: its title and type, a target port on the left, one labelled source port per outcome on the right. */
function ActivityNodeView({ data, selected }: NodeProps<ActivityFlowNode>) {
  const { activity, ports, problems, visited, locked } = data;
  const colour = categoryColour(activitySpec(activity.type)?.category);
  const title = activityTitle(activity);
  return (
    <div
      className={`ff-node${selected ? " ff-node-selected" : ""}${problems.length ? " ff-node-invalid" : ""}${visited ? " ff-node-visited" : ""}`}
      data-activity-id={activity.id}
      title={problems.join("\n") || undefined}
      style={{
        width: nodeWidth, minHeight: nodeHeight(activity), borderRadius: 8, background: visited ? "#f6ffed" : "#fff",
        border: `2px solid ${problems.length ? "#ff4d4f" : visited ? "#52c41a" : selected ? "#1677ff" : "#d9d9d9"}`,
        borderLeft: `6px solid ${colour}`, fontSize: 12, padding: "6px 8px", position: "relative",
      }}
    >
      {activity.type !== "start" && <Handle type="target" position={Position.Left} />}
      <div className="ff-node-title" style={{ fontSize: titleFontSize, fontWeight: 600, overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" }}>{locked ? "🔒 " : ""}{title}</div>
      <div style={{ color: tones.secondary }}>{data.label} · {activity.id}</div>
      {data.extensionPoints?.length ? (
        <div className="ff-node-extension-points" title={data.extensionPoints.join("\n")}
          style={{ position: "absolute", top: -10, right: 6, background: "#f9f0ff", border: "1px solid #d3adf7", color: "#531dab", borderRadius: 8, padding: "0 6px", fontSize: 10 }}>
          ⊕ {data.extensionPoints.map((p) => p.split(" ")[0]).join(", ")}
        </div>
      ) : null}
      {problems.length > 0 && <div className="ff-node-problems" style={{ color: tones.problem }}>⚠ {problems.length}</div>}
      {ports.map((port, i) => (
        <div key={port} style={{ position: "absolute", right: 8, top: portTop(i), fontSize: 10, color: "#595959" }}>
          {port}
          <Handle type="source" id={port} title={port} position={Position.Right} style={{ top: 7, right: -16 }} />
        </div>
      ))}
    </div>
  );
}

export const ActivityNode = memo(ActivityNodeView);
