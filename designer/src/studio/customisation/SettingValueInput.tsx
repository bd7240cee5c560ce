import { Input, InputNumber, Select } from "antd";
import { TrainingLevelsInput } from "./TrainingLevelsInput";

/** The response policy's settings with a fixed set of values (engine: ResponsePolicy). */
const choices: Record<string, string[]> = {
  responseLimit: ["unlimited", "once", "day", "week", "month", "year"],
  responseAnonymity: ["named", "anonymousToHandlers", "secretBallot"],
  resultsVisibility: ["afterAnswer", "afterClose", "never"],
};
/** Settings whose value is text or null: the window's instants (ISO 8601 with offset) and the eligibility expression. */
const texts = new Set(["responseOpensAt", "responseClosesAt", "responseEligibility"]);

/** One setting's value editor: numbers, the response policy's choices and texts, a training's levels; anything else is shown, not edited here. */
export function SettingValueInput({ name, value, label, onChange, disabled }: {
  name: string; value: unknown; label: string; onChange: (value: unknown) => void;
  /** Locked above as a whole: shown greyed, not editable. */
  disabled?: boolean;
}) {
  if (name === "trainingLevels") return <TrainingLevelsInput value={value} label={label} disabled={disabled} onChange={onChange} />;
  if (typeof value === "number") return <InputNumber aria-label={label} value={value} disabled={disabled} onChange={(n) => onChange(n ?? undefined)} />;
  if (choices[name]) {
    return <Select aria-label={label} style={{ width: 220 }} value={value as string} disabled={disabled} onChange={onChange}
      options={choices[name].map((v) => ({ value: v, label: v }))} />;
  }
  if (texts.has(name)) {
    return <Input aria-label={label} style={{ width: 280 }} value={typeof value === "string" ? value : ""} allowClear disabled={disabled}
      placeholder={name === "responseEligibility" ? "applicant.isMember" : "2027-06-30T16:00:00Z"}
      onChange={(e) => onChange(e.target.value.trim() === "" ? null : e.target.value)} />;
  }
  return <Input aria-label={label} value={JSON.stringify(value)} disabled />;
}
