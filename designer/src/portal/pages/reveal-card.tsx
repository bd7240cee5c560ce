import { Button, TextArea } from "antd-mobile";
import { useId, useState } from "react";
import { api, ApiProblem } from "../api";
import { labelOf, say } from "../i18n";
import type { MaskedField } from "../masked-fields";
import { useSession } from "../session";

/** 查看完整信息: asks why, then shows the plain values; the server keeps the reason in the audit log. */
export function RevealCard({ caseId, fields }: { caseId: number; fields: MaskedField[] }) {
  const { locale } = useSession();
  const id = useId();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState("");
  const [values, setValues] = useState<Record<string, unknown> | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  if (fields.length === 0) return null;

  const reveal = async () => {
    setProblem(null);
    try {
      const answer = await api<{ values: Record<string, unknown> }>("POST", `/api/cases/${caseId}/reveal`, { fields: fields.map(f => f.key), reason: reason.trim() });
      setValues(answer.values);
      setAsking(false);
    } catch (e) {
      setProblem(e instanceof ApiProblem ? e.detail ?? e.title : String(e));
    }
  };

  return (
    <div className="pf-card">
      {values
        ? <dl aria-label={say(locale, "revealed")}>{fields.map(f => (
            <div key={f.key} className="pf-row"><dt>{labelOf(f.label, locale)}</dt><dd>{String(values[f.key] ?? "")}</dd></div>))}
          </dl>
        : !asking
          ? <Button onClick={() => setAsking(true)}>{say(locale, "revealFull")}</Button>
          : <form onSubmit={e => { e.preventDefault(); void reveal(); }}>
              <label htmlFor={`${id}-reason`}>{say(locale, "revealReason")}</label>
              <TextArea id={`${id}-reason`} value={reason} onChange={setReason} maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} />
              {problem && <p className="pf-error" role="alert">{problem}</p>}
              <div className="pf-row">
                <Button type="submit" color="primary" disabled={!reason.trim()}>{say(locale, "revealConfirm")}</Button>
                <Button onClick={() => setAsking(false)}>{say(locale, "cancel")}</Button>
              </div>
            </form>}
    </div>
  );
}
