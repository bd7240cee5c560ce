import { Button, Input, InputNumber, Space, Table, Typography } from "antd";
import { useI18n } from "../i18n/i18n";
import { cellProblem, levelProblems, maxLevels, type TrainingLevel } from "./training-levels";

/**
 * The training template's levels as a table (title, topic, difficulty, questions per level; add and remove), each
 * cell showing the server's own message for it (the shared check in training-levels.ts).
 */
export function TrainingLevelsInput({ value, label, onChange, disabled }: {
  value: unknown; label: string; onChange: (value: TrainingLevel[]) => void; disabled?: boolean;
}) {
  const { t } = useI18n();
  const levels: TrainingLevel[] = Array.isArray(value) ? (value as TrainingLevel[]) : [];
  const problems = levelProblems(value);
  const whole = problems.find((p) => p.pointer.endsWith("/value"));
  const change = (index: number, patch: Partial<TrainingLevel>) => onChange(levels.map((l, i) => (i === index ? { ...l, ...patch } : l)));
  const cell = (index: number, property: keyof TrainingLevel, input: React.ReactNode) => {
    const problem = cellProblem(problems, index, property);
    return (
      <Space direction="vertical" size={0}>
        {input}
        {problem && <Typography.Text type="danger" role="alert" style={{ fontSize: 12 }}>{problem.message}</Typography.Text>}
      </Space>
    );
  };
  const status = (index: number, property: keyof TrainingLevel) => (cellProblem(problems, index, property) ? "error" as const : undefined);

  return (
    <Space direction="vertical" size={4} aria-label={label} role="group">
      <Table<TrainingLevel & { index: number }> size="small" pagination={false} rowKey="index" className="ff-training-levels"
        dataSource={levels.map((l, index) => ({ ...l, index }))} columns={[
          { title: "#", width: 40, render: (_, l) => l.index + 1 },
          { title: t("levels.title"), render: (_, l) => cell(l.index, "title",
            <Input size="small" aria-label={`${t("levels.title")} ${l.index + 1}`} value={l.title ?? ""} disabled={disabled} status={status(l.index, "title")}
              onChange={(e) => change(l.index, { title: e.target.value })} />) },
          { title: t("levels.topic"), render: (_, l) => cell(l.index, "topic",
            <Input size="small" aria-label={`${t("levels.topic")} ${l.index + 1}`} value={l.topic ?? ""} placeholder={t("levels.anyTopic")} allowClear disabled={disabled}
              status={status(l.index, "topic")} onChange={(e) => change(l.index, { topic: e.target.value === "" ? null : e.target.value })} />) },
          { title: t("levels.difficulty"), width: 120, render: (_, l) => cell(l.index, "difficulty",
            <InputNumber size="small" aria-label={`${t("levels.difficulty")} ${l.index + 1}`} value={l.difficulty ?? null} placeholder={t("levels.anyDifficulty")}
              disabled={disabled} status={status(l.index, "difficulty")} onChange={(n) => change(l.index, { difficulty: n ?? null })} />) },
          { title: t("levels.questions"), width: 120, render: (_, l) => cell(l.index, "questions",
            <InputNumber size="small" aria-label={`${t("levels.questions")} ${l.index + 1}`} value={l.questions ?? null} disabled={disabled}
              status={status(l.index, "questions")} onChange={(n) => change(l.index, { questions: n as number })} />) },
          { title: "", width: 60, render: (_, l) => (
            <Button size="small" danger disabled={disabled} aria-label={`${t("levels.remove")} ${l.index + 1}`}
              onClick={() => onChange(levels.filter((_, i) => i !== l.index))}>{t("common.delete")}</Button>
          ) },
        ]} />
      <Button size="small" disabled={disabled || levels.length >= maxLevels}
        onClick={() => onChange([...levels, { title: t("levels.title") + ` ${levels.length + 1}`, questions: 10 }])}>{t("levels.add")}</Button>
      {whole && <Typography.Text type="danger" role="alert">{whole.message}</Typography.Text>}
    </Space>
  );
}
