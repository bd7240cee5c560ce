import { Button, TextArea } from "antd-mobile";
import { useState } from "react";
import { api, ApiProblem, get } from "../api";
import { say } from "../i18n";
import { navigate } from "../router";
import { useSession } from "../session";

interface Unit { id: number; name: string; level: string }

/**
 * Hand the task down to a unit below the org it is at (a street or a grassroots union of the district), with a
 * reason and a deadline: the units are the server's (GET /api/tasks/{id}/hand-down), loaded when the card opens.
 */
export function HandDownCard({ taskId, disabled }: { taskId: number; disabled: boolean }) {
  const { locale } = useSession();
  const [units, setUnits] = useState<Unit[] | null>(null);
  const [unit, setUnit] = useState("");
  const [reason, setReason] = useState("");
  const [deadline, setDeadline] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const open = async () => {
    setProblem(null);
    try { setUnits(await get<Unit[]>(`/api/tasks/${taskId}/hand-down`)); } catch (e) { setProblem(e instanceof ApiProblem ? e.detail ?? e.title : String(e)); }
  };
  const submit = async () => {
    setBusy(true);
    setProblem(null);
    try {
      await api("POST", `/api/tasks/${taskId}/hand-down`, { orgUnitId: unit ? Number(unit) : undefined, reason, deadline: deadline || undefined });
      navigate("/inbox");
    } catch (e) {
      setProblem(e instanceof ApiProblem ? e.detail ?? e.title : String(e));
    } finally {
      setBusy(false);
    }
  };

  if (units === null) return (
    <div className="pf-card pf-hand-down">
      <Button block disabled={disabled} onClick={() => void open()}>{say(locale, "handDown")}</Button>
      {problem && <p className="pf-error" role="alert">{problem}</p>}
    </div>
  );
  return (
    <div className="pf-card pf-hand-down">
      <h3>{say(locale, "handDown")}</h3>
      <label htmlFor="hand-down-unit">{say(locale, "handDownTo")}</label>
      <select id="hand-down-unit" value={unit} onChange={e => setUnit(e.target.value)}>
        <option value="">{say(locale, "handDownPick")}</option>
        {units.map(u => <option key={u.id} value={u.id}>{u.name}</option>)}
      </select>
      <label htmlFor="hand-down-reason">{say(locale, "handDownReason")}</label>
      <TextArea id="hand-down-reason" value={reason} onChange={setReason} autoSize={{ minRows: 2, maxRows: 4 }} />
      <label htmlFor="hand-down-deadline">{say(locale, "handDownDeadline")}</label>
      <input id="hand-down-deadline" type="date" value={deadline} onChange={e => setDeadline(e.target.value)} />
      {problem && <p className="pf-error" role="alert">{problem}</p>}
      <Button block color="primary" loading={busy} disabled={disabled || busy} onClick={() => void submit()}>{say(locale, "handDownSubmit")}</Button>
    </div>
  );
}
