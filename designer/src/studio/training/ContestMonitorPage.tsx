import { Alert, Descriptions, Select, Space, Typography } from "antd";
import { useEffect, useState } from "react";
import type { ContestMonitorView, LeaderboardLine, MonitoredContest } from "../../api/openapi-types";
import { request } from "../api/client";
import { DataTable, type Column } from "../data-table/DataTable";
import { useI18n } from "../i18n/i18n";
import { refusalText, type RefusalText } from "../i18n/refusal-text";

/** How often the monitor reads the contest again while it is shown. */
export const REFRESH_MS = 3000;
const RECENT_MINUTES = 5;

/**
 * The live contest monitor (竞赛监控): the contests I may watch (staff at the contest's org or above) and, for one,
 * its participants, attempts open now, answers so far and in the last minutes, and the top ten people and unions,
 * read again every few seconds while the page is open.
 */
export default function ContestMonitorPage() {
  const { t } = useI18n();
  const [contests, setContests] = useState<MonitoredContest[]>([]);
  const [contestId, setContestId] = useState<number>();
  const [view, setView] = useState<ContestMonitorView>();
  const [problem, setProblem] = useState<RefusalText>();

  useEffect(() => {
    void request<MonitoredContest[]>("GET", "/api/contests/monitored").then((all) => {
      setContests(all);
      setContestId((current) => current ?? all.find((c) => c.open)?.id ?? all[0]?.id);
    }, (e) => setProblem(refusalText(e, t)));
  }, []); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    if (contestId === undefined) return;
    let live = true;
    const read = () => request<ContestMonitorView>("GET", `/api/contests/${contestId}/monitor?minutes=${RECENT_MINUTES}`)
      .then((v) => { if (live) { setView(v); setProblem(undefined); } }, (e) => { if (live) setProblem(refusalText(e, t)); });
    void read();
    const timer = window.setInterval(() => void read(), REFRESH_MS);
    return () => { live = false; window.clearInterval(timer); };
  }, [contestId]); // eslint-disable-line react-hooks/exhaustive-deps

  const lineColumns = (who: string): Column<LeaderboardLine>[] => [
    { title: t("monitor.rank"), dataIndex: "rank" },
    { title: who, render: (_: unknown, l: LeaderboardLine) => (l.accountId ? `${l.name} · ${l.orgName}` : l.name) },
    { title: t("monitor.score"), dataIndex: "score" },
    { title: t("monitor.timeUsed"), render: (_: unknown, l: LeaderboardLine) => `${Math.round(l.timeUsedMs / 1000)} s` },
  ];

  return (
    <section aria-labelledby="ff-monitor">
      <Typography.Title level={4} id="ff-monitor">{t("monitor.title")}</Typography.Title>
      {problem && <Alert type="error" role="alert" title={problem.text} description={problem.detail} />}
      {contests.length === 0 && !problem && <Typography.Paragraph type="secondary">{t("monitor.none")}</Typography.Paragraph>}
      <Space wrap align="start">
        <Select aria-label={t("monitor.pick")} placeholder={t("monitor.pick")} style={{ minWidth: 360 }} value={contestId} onChange={setContestId}
          options={contests.map((c) => ({ value: c.id, label: `${c.title} · ${c.orgName}${c.open ? ` · ${t("monitor.open")}` : ""}` }))} />
      </Space>
      {view && view.contestId === contestId && (
        <>
          <Descriptions style={{ marginTop: 16 }} column={{ xs: 1, sm: 2, md: 3 }} bordered size="small" data-testid="monitor-figures" items={[
            { key: "participants", label: t("monitor.participants"), children: <span data-testid="monitor-participants">{view.participants}</span> },
            { key: "open", label: t("monitor.openAttempts"), children: <span data-testid="monitor-open">{view.openAttempts}</span> },
            { key: "answers", label: t("monitor.answers"), children: <span data-testid="monitor-answers">{view.answers}</span> },
            { key: "recent", label: t("monitor.recentAnswers", { minutes: view.minutes }), children: <span data-testid="monitor-recent">{view.recentAnswers}</span> },
            { key: "started", label: t("monitor.recentlyStarted", { minutes: view.minutes }), children: view.recentlyStarted },
            { key: "finished", label: t("monitor.recentlyFinished", { minutes: view.minutes }), children: view.recentlyFinished },
          ]} />
          <Typography.Paragraph type="secondary" role="status">
            {t(view.open ? "monitor.window" : "monitor.closed", { closes: new Date(view.closesAt).toLocaleString() })} · {t("monitor.updated", { at: new Date(view.serverNow).toLocaleTimeString() })}
          </Typography.Paragraph>
          <Space wrap align="start" size="large">
            <DataTable label={t("monitor.topPeople")} rowKey={(l) => `${l.accountId}`} dataSource={view.topPeople} pageSize={10} columns={lineColumns(t("monitor.person"))} />
            <DataTable label={t("monitor.topUnions")} rowKey={(l) => `${l.orgUnitId}`} dataSource={view.topUnions} pageSize={10} columns={lineColumns(t("monitor.union"))} />
          </Space>
        </>
      )}
    </section>
  );
}
