import { Alert, Button, Card, Col, DatePicker, Row, Space, TreeSelect } from "antd";
import { useEffect, useMemo, useState } from "react";
import { errorText } from "../api/client";
import { studioApi } from "../api/studio-api";
import type { OrgNode, Stats } from "../api/types";
import { useI18n } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";
import { orgTreeData } from "../library/org-tree";
import { EChart, type ChartOption } from "./EChart";

function bar(names: string[], values: number[]): ChartOption {
  return { tooltip: {}, grid: { left: 40, right: 10, bottom: 40, top: 20 }, xAxis: { type: "category", data: names }, yAxis: { type: "value" }, series: [{ type: "bar", data: values }] };
}

/** Statistics for my subtree: cases by module, status and month; deadlines met; members joined; Excel/CSV export. */
export function DashboardPage() {
  const { t } = useI18n();
  const [orgs, setOrgs] = useState<OrgNode[]>([]);
  const [org, setOrg] = useState<string>();
  const [range, setRange] = useState<{ from?: string; to?: string }>({});
  const [stats, setStats] = useState<Stats>();
  const [problem, setProblem] = useState<string>();
  useEffect(() => { studioApi.orgs().then(setOrgs, () => undefined); }, []);
  useEffect(() => {
    studioApi.stats({ orgUnitId: org, ...range }).then((s) => { setStats(s); setProblem(undefined); }, (e) => setProblem(errorText(e)));
  }, [org, range]);

  const charts = useMemo(() => stats && {
    byModule: bar(stats.byModule.map((m) => m.name ?? m.moduleKey ?? "?"), stats.byModule.map((m) => m.count)),
    byStatus: { tooltip: {}, legend: { bottom: 0 }, series: [{ type: "pie", radius: "60%", data: stats.byStatus.map((s) => ({ name: t(`status.${s.status}` as MessageKey) ?? s.status, value: s.count })) }] },
    byMonth: { tooltip: {}, grid: { left: 40, right: 10, bottom: 30, top: 20 }, xAxis: { type: "category", data: stats.byMonth.map((m) => m.month) }, yAxis: { type: "value" }, series: [{ type: "line", data: stats.byMonth.map((m) => m.count) }] },
    deadlines: { tooltip: {}, legend: { bottom: 0 }, series: [{ type: "pie", radius: ["40%", "65%"], data: [
      { name: t("dash.met"), value: stats.deadlinesMet.met }, { name: t("dash.missed"), value: stats.deadlinesMet.missed }] }] },
    members: bar(stats.membersJoined.map((m) => m.month), stats.membersJoined.map((m) => m.count)),
  } satisfies Record<string, ChartOption>, [stats, t]);

  const query = { orgUnitId: org, ...range };
  return (
    <div className="ff-dashboard">
      <Space wrap style={{ marginBottom: 12 }}>
        <TreeSelect aria-label={t("svc.org")} placeholder={t("svc.org")} allowClear style={{ width: 240 }} treeDefaultExpandAll value={org} onChange={setOrg} treeData={orgTreeData(orgs)} />
        <DatePicker.RangePicker aria-label={`${t("dash.from")} – ${t("dash.to")}`} onChange={(_, [from, to]) => setRange({ from: from || undefined, to: to || undefined })} />
        <Button href={studioApi.statsExportUrl("xlsx", query)}>{t("dash.exportXlsx")}</Button>
        <Button href={studioApi.statsExportUrl("csv", query)}>{t("dash.exportCsv")}</Button>
      </Space>
      {problem && <Alert type="error" role="alert" title={problem} />}
      {charts && (
        <Row gutter={[12, 12]}>
          <Col xs={24} lg={12}><Card size="small" title={t("dash.byModule")}><EChart label={t("dash.byModule")} option={charts.byModule} /></Card></Col>
          <Col xs={24} lg={12}><Card size="small" title={t("dash.byStatus")}><EChart label={t("dash.byStatus")} option={charts.byStatus} /></Card></Col>
          <Col xs={24} lg={12}><Card size="small" title={t("dash.byMonth")}><EChart label={t("dash.byMonth")} option={charts.byMonth} /></Card></Col>
          <Col xs={24} lg={6}><Card size="small" title={t("dash.deadlines")}><EChart label={t("dash.deadlines")} option={charts.deadlines} /></Card></Col>
          <Col xs={24} lg={6}><Card size="small" title={t("dash.members")}><EChart label={t("dash.members")} option={charts.members} /></Card></Col>
        </Row>
      )}
    </div>
  );
}
