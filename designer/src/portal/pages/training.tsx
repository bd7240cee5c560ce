import { Button } from "antd-mobile";
import { useEffect, useRef, useState } from "react";
import { api, ApiProblem, get } from "../api";
import type { AnswerFeedback, Attempt, Contest, Leaderboard, Question, Training } from "../api-types";
import { say, when } from "../i18n";
import { PageState } from "../page-state";
import { Link, match, navigate } from "../router";
import { useSession } from "../session";
import { useLoad } from "../use-load";

/**
 * Skills training (学习): the levels with their lock state, practice one question per screen with the explanation
 * after each answer, a contest attempt with the server's countdown, and the leaderboards. Lazy-loaded: only workers
 * who open it download it.
 */
export default function TrainingPages({ path }: { path: string }) {
  let params: Record<string, string> | null;
  if ((params = match("/training/:id/levels/:level", path))) return <Practice key={path} trainingId={params.id} level={Number(params.level)} />;
  if ((params = match("/contests/:id/leaderboard", path))) return <LeaderboardPage key={path} contestId={params.id} />;
  if ((params = match("/contests/:id", path))) return <ContestPage key={path} contestId={params.id} />;
  return <TrainingHome />;
}

function TrainingHome() {
  const { locale } = useSession();
  const load = useLoad(() => Promise.all([get<Training[]>("/api/trainings"), get<Contest[]>("/api/contests")]), []);
  return (
    <PageState {...load}>{() => {
      const [trainings, contests] = load.value!;
      return (
        <>
          <h2>{say(locale, "trainings")}</h2>
          {trainings.length === 0 && <p className="pf-muted">{say(locale, "noTrainings")}</p>}
          {trainings.map(t => (
            <section key={t.id} className="pf-card" aria-labelledby={`pf-training-${t.id}`}>
              <h3 id={`pf-training-${t.id}`}>{t.title}</h3>
              <ol className="pf-plain" data-testid="levels">
                {t.levels.map(l => (
                  <li key={l.number} className={l.unlocked ? "pf-level" : "pf-level pf-level-locked"} data-testid={`level-${l.number}`}>
                    <div>
                      <strong>{l.title}</strong>
                      <div className="pf-muted">
                        {l.passed ? say(locale, "levelPassed") : l.unlocked ? say(locale, "passMark", l.passPercent) : say(locale, "levelLocked")}
                        {l.bestScore !== null && <> · {say(locale, "bestScore", l.bestScore, l.questions)}</>}
                      </div>
                    </div>
                    {l.unlocked && <Link to={`/training/${t.id}/levels/${l.number}`} className="pf-action">{say(locale, "practise")}</Link>}
                  </li>
                ))}
              </ol>
            </section>
          ))}
          <h2>{say(locale, "contests")}</h2>
          {contests.map(c => (
            <section key={c.id} className="pf-card" aria-labelledby={`pf-contest-${c.id}`}>
              <h3 id={`pf-contest-${c.id}`}>{c.title}</h3>
              <p className="pf-muted">{say(locale, "contestWindow", when(locale, c.opensAt), when(locale, c.closesAt))}</p>
              <p className="pf-muted">{say(locale, "attemptsUsed", c.attemptsUsed, c.attemptsAllowed)}</p>
              <div className="pf-row">
                <Link to={`/contests/${c.id}`} className="pf-action">{say(locale, c.openAttemptId ? "resumeContest" : "enterContest")}</Link>
                <Link to={`/contests/${c.id}/leaderboard`}>{say(locale, "leaderboard")}</Link>
              </div>
            </section>
          ))}
        </>
      );
    }}</PageState>
  );
}

/** One question on its own screen, with large tap targets; the choice is the caller's until it is sent. */
function QuestionCard({ question, number, total, value, onChange, disabled }: {
  question: Question; number: number; total: number; value: unknown; onChange: (v: unknown) => void; disabled: boolean;
}) {
  const { locale } = useSession();
  const picked = Array.isArray(value) ? (value as string[]) : [];
  const options = question.type === "trueFalse"
    ? [{ value: "true", label: say(locale, "trueWord") }, { value: "false", label: say(locale, "falseWord") }]
    : question.options;
  return (
    <fieldset className="pf-card pf-question" disabled={disabled}>
      <legend>{say(locale, "questionOf", number, total)}</legend>
      <p className="pf-question-text" id={`pf-q-${question.id}`}>{question.text}</p>
      {question.imageFileId && <img className="pf-question-image" src={`/api/files/${encodeURIComponent(question.imageFileId)}`} alt="" />}
      {question.type === "fillIn" ? (
        <input className="pf-fill-in" aria-labelledby={`pf-q-${question.id}`} placeholder={say(locale, "fillInPlaceholder")}
          value={typeof value === "string" ? value : ""} onChange={e => onChange(e.target.value)} />
      ) : (
        <div className="pf-choices" role={question.type === "multiple" ? "group" : "radiogroup"} aria-labelledby={`pf-q-${question.id}`}>
          {options.map(o => {
            const on = question.type === "multiple" ? picked.includes(o.value) : value === o.value;
            const choose = () => onChange(question.type === "multiple" ? (on ? picked.filter(p => p !== o.value) : [...picked, o.value].sort()) : o.value);
            return (
              <label key={o.value} className={on ? "pf-choice pf-choice-on" : "pf-choice"}>
                <input type={question.type === "multiple" ? "checkbox" : "radio"} name={`q-${question.id}`} checked={on} onChange={choose} />
                <span>{question.type === "trueFalse" ? o.label : `${o.value}. ${o.label}`}</span>
              </label>
            );
          })}
        </div>
      )}
    </fieldset>
  );
}

const keyText = (key: unknown) => Array.isArray(key) ? key.join("、") : key === "true" ? "√" : key === "false" ? "×" : String(key);

function Practice({ trainingId, level }: { trainingId: string; level: number }) {
  const { locale } = useSession();
  const [attempt, setAttempt] = useState<Attempt | null>(null);
  const [index, setIndex] = useState(0);
  const [value, setValue] = useState<unknown>(undefined);
  const [feedback, setFeedback] = useState<AnswerFeedback | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const fail = (e: unknown) => setProblem(e instanceof ApiProblem ? e.message : String(e));
  const start = () => { setProblem(null); void api<Attempt>("POST", `/api/trainings/${trainingId}/levels/${level}/attempts`).then(setAttempt, fail); };
  const send = () => {
    const question = attempt!.questions[index];
    void api<AnswerFeedback>("POST", `/api/attempts/${attempt!.id}/answers`, { questionId: question.id, answer: value }).then(setFeedback, fail);
  };
  const next = () => {
    setFeedback(null);
    setValue(undefined);
    if (index + 1 < attempt!.questions.length) setIndex(index + 1);
    else void get<Attempt>(`/api/attempts/${attempt!.id}`).then(done => { setAttempt(done); setIndex(done.questions.length); }, fail);
  };

  if (!attempt) return (
    <section className="pf-card">
      <h2>{say(locale, "level", level)}</h2>
      {problem && <p role="alert" className="pf-error">{problem}</p>}
      <Button color="primary" block size="large" onClick={start}>{say(locale, "practise")}</Button>
      <p><Link to="/training">{say(locale, "backToTraining")}</Link></p>
    </section>
  );
  if (index >= attempt.questions.length) return (
    <section className="pf-card" aria-live="polite" data-testid="practice-result">
      <h2>{say(locale, "level", level)}</h2>
      <p className="pf-big">{say(locale, "levelResult", attempt.score ?? 0, attempt.total)}</p>
      <p className={attempt.passed ? "pf-ok" : "pf-error"}>{say(locale, attempt.passed ? "levelPassedNext" : "levelFailed")}</p>
      <Link to="/training" className="pf-action">{say(locale, "backToTraining")}</Link>
    </section>
  );
  const question = attempt.questions[index];
  const empty = value === undefined || value === "" || (Array.isArray(value) && value.length === 0);
  return (
    <>
      <h2>{say(locale, "level", level)}</h2>
      <QuestionCard question={question} number={index + 1} total={attempt.questions.length} value={feedback?.given ?? value} onChange={setValue} disabled={feedback !== null} />
      {problem && <p role="alert" className="pf-error">{problem}</p>}
      {feedback ? (
        <div className="pf-card" aria-live="polite" data-testid="feedback">
          <p className={feedback.correct ? "pf-ok" : "pf-error"}><strong>{feedback.correct ? say(locale, "rightAnswer") : say(locale, "wrongAnswer", keyText(feedback.key))}</strong></p>
          {feedback.explanation && <p><strong>{say(locale, "explanation")}：</strong>{feedback.explanation}</p>}
          <Button color="primary" block size="large" onClick={next}>{say(locale, "nextQuestion")}</Button>
        </div>
      ) : (
        <Button color="primary" block size="large" disabled={empty} onClick={send}>{say(locale, "submitAnswer")}</Button>
      )}
    </>
  );
}

/** Seconds left by the server's clock: its remaining time when last read, less the time since then on this device. */
function useCountdown(attempt: Attempt | null, onZero: () => void): number | null {
  const [now, setNow] = useState(() => Date.now());
  const [readAt, setReadAt] = useState(() => Date.now());
  useEffect(() => setReadAt(Date.now()), [attempt]);
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  const left = attempt?.remainingSeconds == null ? null : Math.max(0, attempt.remainingSeconds - Math.floor((now - readAt) / 1000));
  useEffect(() => { if (left === 0 && attempt && !attempt.finishedAt) onZero(); }, [left === 0]); // eslint-disable-line react-hooks/exhaustive-deps
  return left;
}

const clock = (seconds: number) => `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;

function ContestPage({ contestId }: { contestId: string }) {
  const { locale } = useSession();
  const contest = useLoad(() => get<Contest>(`/api/contests/${contestId}`), [contestId]);
  const [attempt, setAttempt] = useState<Attempt | null>(null);
  const [answers, setAnswers] = useState<Record<number, unknown>>({});
  const [index, setIndex] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const saving = useRef<Promise<unknown>>(Promise.resolve());
  const fail = (e: unknown) => setProblem(e instanceof ApiProblem ? e.message : String(e));
  const show = (a: Attempt) => { setAttempt(a); setAnswers(Object.fromEntries(a.answers.map(x => [x.questionId, x.given]))); };
  const reread = () => { if (attempt) void get<Attempt>(`/api/attempts/${attempt.id}`).then(show, fail); };
  const left = useCountdown(attempt, reread);
  useEffect(() => {
    const open = contest.value?.openAttemptId;
    if (open && !attempt) void get<Attempt>(`/api/attempts/${open}`).then(show, fail);
  }, [contest.value]); // eslint-disable-line react-hooks/exhaustive-deps

  const start = () => { setProblem(null); void api<Attempt>("POST", `/api/contests/${contestId}/attempts`).then(show, fail); };
  const answer = (question: Question, value: unknown) => {
    setAnswers(a => ({ ...a, [question.id]: value }));
    const empty = value === "" || (Array.isArray(value) && value.length === 0);
    // Answers are saved in the order given, and handing in waits for them.
    if (!empty) saving.current = saving.current.then(() => api<AnswerFeedback>("POST", `/api/attempts/${attempt!.id}/answers`, { questionId: question.id, answer: value })
      .then(() => setProblem(null), e => { fail(e); reread(); }));
  };
  const finish = () => { void saving.current.then(() => api<Attempt>("POST", `/api/attempts/${attempt!.id}/finish`)).then(show, fail); };

  return (
    <PageState {...contest}>{() => {
      const c = contest.value!;
      if (attempt?.finishedAt) return (
        <section className="pf-card" aria-live="polite" data-testid="contest-result">
          <h2>{c.title}</h2>
          <p className="pf-big">{say(locale, "contestScore", attempt.score ?? 0, attempt.total, clock(Math.round(attempt.timeUsedMs / 1000)))}</p>
          <Link to={`/contests/${c.id}/leaderboard`} className="pf-action">{say(locale, "leaderboard")}</Link>
        </section>
      );
      if (!attempt) return (
        <section className="pf-card">
          <h2>{c.title}</h2>
          <p className="pf-muted">{say(locale, "contestWindow", when(locale, c.opensAt), when(locale, c.closesAt))}</p>
          <p>{say(locale, "contestRules", c.questions, Math.round(c.durationSeconds / 60))}</p>
          <p className="pf-muted">{say(locale, "attemptsUsed", c.attemptsUsed, c.attemptsAllowed)}</p>
          {problem && <p role="alert" className="pf-error">{problem}</p>}
          {c.open ? <Button color="primary" block size="large" onClick={start}>{say(locale, "startContest")}</Button>
            : <p className="pf-error">{say(locale, "contestClosed")}</p>}
          <p><Link to={`/contests/${c.id}/leaderboard`}>{say(locale, "leaderboard")}</Link></p>
        </section>
      );
      const question = attempt.questions[index];
      return (
        <>
          <div className="pf-countdown" role="timer" aria-live="off" data-testid="countdown">
            {say(locale, "timeLeft")} <strong>{clock(left ?? 0)}</strong>
          </div>
          <QuestionCard question={question} number={index + 1} total={attempt.questions.length} value={answers[question.id]}
            onChange={v => answer(question, v)} disabled={left === 0} />
          {problem && <p role="alert" className="pf-error">{problem}</p>}
          <div className="pf-row">
            <Button size="large" disabled={index === 0} onClick={() => setIndex(index - 1)}>{say(locale, "previousQuestion")}</Button>
            {index + 1 < attempt.questions.length
              ? <Button size="large" color="primary" onClick={() => setIndex(index + 1)}>{say(locale, "nextQuestion")}</Button>
              : <Button size="large" color="primary" onClick={finish}>{say(locale, "submitPaper")}</Button>}
          </div>
        </>
      );
    }}</PageState>
  );
}

function LeaderboardPage({ contestId }: { contestId: string }) {
  const { locale } = useSession();
  const [by, setBy] = useState<"people" | "unions">("people");
  const board = useLoad(() => get<Leaderboard>(`/api/contests/${contestId}/leaderboard?by=${by}`), [contestId, by]);
  return (
    <>
      <h2>{say(locale, "leaderboard")}</h2>
      <div className="pf-chips" role="group" aria-label={say(locale, "leaderboard")}>
        {(["people", "unions"] as const).map(b => (
          <button key={b} type="button" className={b === by ? "pf-chip pf-chip-on" : "pf-chip"} aria-pressed={b === by} onClick={() => setBy(b)}>
            {say(locale, b === "people" ? "byPeople" : "byUnions")}
          </button>
        ))}
      </div>
      <PageState {...board}>{() => {
        const view = board.value!;
        return (
          <>
            <p className="pf-card" data-testid="my-rank">
              {view.me ? say(locale, by === "people" ? "myRank" : "myUnionRank", view.me.rank) : say(locale, "noRank")}
            </p>
            <ol className="pf-plain" data-testid="leaderboard">
              {view.lines.map(l => (
                <li key={`${l.orgUnitId}-${l.accountId ?? ""}`} className="pf-row pf-rank-line">
                  <span className="pf-rank">{l.rank}</span>
                  <span className="pf-rank-name">{l.name}{by === "people" && <span className="pf-muted"> · {l.orgName}</span>}</span>
                  <strong>{l.score}</strong>
                </li>
              ))}
            </ol>
            <p><Link to="/training">{say(locale, "backToTraining")}</Link></p>
          </>
        );
      }}</PageState>
      <Button fill="none" onClick={() => navigate(`/contests/${contestId}`)}>{say(locale, "contests")}</Button>
    </>
  );
}
