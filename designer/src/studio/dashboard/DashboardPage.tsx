import { Alert, Col, DatePicker, Row, Space } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useEffect, useMemo, useState } from "react";
import type { FigureBreakdown, FigureOrg } from "../../api/openapi-types";
import { errorText } from "../api/client";
import { useI18n } from "../i18n/i18n";
import { BreakdownCard } from "./BreakdownCard";
import { CompareCard } from "./CompareCard";
import { figuresApi } from "./figures-api";
import { HeatCard } from "./HeatCard";
import { ModulesCard } from "./ModulesCard";
import { nextPath } from "./org-path";
import { OrgPath } from "./OrgPath";
import { RankingCard } from "./RankingCard";
import { StatusCard } from "./StatusCard";
import { TrendCard } from "./TrendCard";

const day = (d: Dayjs) => d.format("YYYY-MM-DD");

/** The period shown first: the last twelve months, this one included. */
function lastTwelveMonths(): { from: string; to: string } {
  const today = dayjs();
  return { from: day(today.subtract(11, "month").startOf("month")), to: day(today) };
}

/**
 * Statistics of an org's subtree over a period (figures API): the breakdown by child org with drilling down and
 * back up, the ranking of the units of a level, trends, two periods compared, the lowest on-time rates, by module;
 * each exports to Excel.
 */
export function DashboardPage() {
  const { t } = useI18n();
  const [orgUnitId, setOrgUnitId] = useState<number>();
  const [range, setRange] = useState<{ from?: string; to?: string }>(lastTwelveMonths);
  const [breakdown, setBreakdown] = useState<FigureBreakdown>();
  const [path, setPath] = useState<FigureOrg[]>([]);
  const [problem, setProblem] = useState<string>();
  const scope = useMemo(() => ({ orgUnitId: breakdown?.org.id ?? orgUnitId, ...range }), [breakdown?.org.id, orgUnitId, range]);
  useEffect(() => {
    figuresApi.breakdown({ orgUnitId, ...range }).then((b) => {
      setBreakdown(b); setProblem(undefined);
      setPath((p) => nextPath(p, b.org, b.parent));
    }, (e) => setProblem(errorText(e)));
  }, [orgUnitId, range]);
  const go = (org: FigureOrg) => setOrgUnitId(org.id);

  return (
    <div className="ff-dashboard">
      <Space wrap style={{ marginBottom: 12 }}>
        {breakdown && <OrgPath path={path} parent={breakdown.parent} go={go} />}
        <DatePicker.RangePicker aria-label={t("fig.period")} placeholder={[t("dash.from"), t("dash.to")]}
          value={[range.from ? dayjs(range.from) : null, range.to ? dayjs(range.to) : null]}
          onChange={(_, [from, to]) => setRange({ from: from || undefined, to: to || undefined })} />
      </Space>
      {problem && <Alert type="error" role="alert" title={problem} />}
      {breakdown && (
        <Row gutter={[12, 12]}>
          <Col span={24}><BreakdownCard breakdown={breakdown} scope={scope} open={go} /></Col>
          <Col span={24}><RankingCard scope={scope} /></Col>
          <Col xs={24} xl={12}><TrendCard scope={scope} /></Col>
          <Col xs={24} xl={12}><HeatCard scope={scope} /></Col>
          <Col xs={24} xl={12}><CompareCard scope={scope} /></Col>
          <Col xs={24} xl={12}><StatusCard byStatus={breakdown.casesByStatus} /></Col>
          <Col span={24}><ModulesCard scope={scope} /></Col>
        </Row>
      )}
    </div>
  );
}
