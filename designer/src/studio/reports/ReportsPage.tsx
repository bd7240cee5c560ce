import { Alert, Button, Card, Col, DatePicker, Form, Input, Popconfirm, Row, Select, Space, Table } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useCallback, useEffect, useMemo, useState } from "react";
import type { FigureOrg, ReportDefinition, ReportTable, SavedReportView } from "../../api/openapi-types";
import { errorText } from "../api/client";
import { ExportLink } from "../dashboard/ExportLink";
import { duration, measures, percent } from "../dashboard/figure-measures";
import { figuresApi } from "../dashboard/figures-api";
import { useI18n } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";
import { reportsApi } from "./reports-api";
import "./reports.css";

type Dimension = "org" | "module" | "month";
type Period = "" | "lastWeek" | "lastMonth" | "yearToDate";

interface Values {
  name: string; measures: string[]; dimensions: Dimension[]; orgLevel: string; orgUnitId?: number; moduleKey?: string;
  period: Period; range?: [Dayjs | null, Dayjs | null] | null; every: "" | "weekly" | "monthly"; day: number; hour: number;
}

const dimensionTitles: Record<Dimension, MessageKey> = { org: "rep.dim.org", module: "rep.dim.module", month: "rep.dim.month" };
const periodTitles: Record<Period, MessageKey> = { "": "rep.period.range", lastWeek: "rep.period.lastWeek", lastMonth: "rep.period.lastMonth", yearToDate: "rep.period.yearToDate" };
const weekdays: MessageKey[] = ["rep.mon", "rep.tue", "rep.wed", "rep.thu", "rep.fri", "rep.sat", "rep.sun"];
const initial: Values = { name: "", measures: ["received", "finished", "onTimeRate"], dimensions: ["org"], orgLevel: "grassroots", period: "yearToDate", every: "", day: 1, hour: 8 };

function definitionOf(v: Values): ReportDefinition {
  const [from, to] = v.period === "" && v.range ? v.range : [null, null];
  return {
    name: v.name, measures: v.measures, dimensions: v.dimensions, orgLevel: v.orgLevel, orgUnitId: v.orgUnitId ?? null, moduleKey: v.moduleKey ?? null,
    period: v.period || null, from: from ? from.format("YYYY-MM-DD") : null, to: to ? to.format("YYYY-MM-DD") : null,
    schedule: v.every ? { every: v.every, day: v.day, hour: v.hour } : null,
  };
}

function valuesOf(r: SavedReportView): Values {
  return {
    name: r.name, measures: r.measures, dimensions: r.dimensions as Dimension[], orgLevel: r.orgLevel, orgUnitId: r.orgUnitId ?? undefined, moduleKey: r.moduleKey ?? undefined,
    period: (r.period ?? "") as Period, range: r.from || r.to ? [r.from ? dayjs(r.from) : null, r.to ? dayjs(r.to) : null] : null,
    every: (r.schedule?.every ?? "") as Values["every"], day: r.schedule?.day ?? 1, hour: r.schedule?.hour ?? 8,
  };
}

/**
 * 我的报表: a leader builds a report from the figures (measures, dimensions, filters), previews its table, saves it
 * (optionally on a schedule: the server then sends its Excel as a download link in the Portal's messages), and runs
 * or exports a saved one. Every table is counted by the leader's scope now.
 */
export function ReportsPage() {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const [saved, setSaved] = useState<SavedReportView[]>([]);
  const [editing, setEditing] = useState<SavedReportView>();
  const [table, setTable] = useState<ReportTable>();
  const [problem, setProblem] = useState<string>();
  const [orgs, setOrgs] = useState<FigureOrg[]>([]);
  const [modules, setModules] = useState<{ key: string; name: string }[]>([]);
  const dimensions = Form.useWatch("dimensions", form) ?? initial.dimensions;
  const period = Form.useWatch("period", form) ?? initial.period;
  const every = Form.useWatch("every", form) ?? initial.every;

  const reload = useCallback(() => reportsApi.list().then(setSaved, (e) => setProblem(errorText(e))), []);
  useEffect(() => {
    void reload();
    figuresApi.breakdown({}).then((b) => setOrgs([b.org, ...b.children.map((c) => c.org)]), (e) => setProblem(errorText(e)));
    figuresApi.modules({}).then((m) => setModules(m.modules.map((x) => ({ key: x.moduleKey, name: x.name }))), (e) => setProblem(errorText(e)));
  }, [reload]);

  const fail = (e: unknown) => setProblem(errorText(e));
  const preview = () => form.validateFields().then((v) => reportsApi.preview(definitionOf(v)).then((x) => { setTable(x); setProblem(undefined); }, fail), () => undefined);
  const save = () => form.validateFields().then((v) => (editing ? reportsApi.update(editing.id, definitionOf(v)) : reportsApi.create(definitionOf(v))).then((r) => {
    setEditing(r); setProblem(undefined); void reload();
    return reportsApi.table(r.id).then(setTable, fail);
  }, fail), () => undefined);
  const open = (r: SavedReportView) => { setEditing(r); form.setFieldsValue(valuesOf(r)); reportsApi.table(r.id).then((x) => { setTable(x); setProblem(undefined); }, fail); };
  const startNew = () => { setEditing(undefined); setTable(undefined); form.setFieldsValue(initial); };

  const units = { hours: t("fig.hours"), days: t("fig.days") };
  const cell = (key: string, value: string | number | null | undefined) => {
    if (typeof value !== "number") return value ?? "—";
    if (key === "onTimeRate") return percent(value);
    if (key === "handlingMedianHours" || key === "handlingP90Hours") return duration(value, units);
    return value;
  };
  const dimensionCount = table ? table.columns.length - table.totals.length : 0;
  const rows = useMemo(() => {
    if (!table) return [];
    const body = table.rows.map((r, i) => ({ key: String(i), cells: [...r.labels, ...r.values] as (string | number | null)[] }));
    const total = [...Array.from({ length: dimensionCount }, (_, i) => (i === 0 ? t("rep.total") : "")), ...table.totals];
    return [...body, { key: "total", cells: total }];
  }, [table, dimensionCount, t]);

  return (
    <div className="ff-reports">
      {problem && <Alert type="error" role="alert" title={problem} closable onClose={() => setProblem(undefined)} style={{ marginBottom: 12 }} />}
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={9}>
          <Card title={editing ? `${t("rep.edit")}：${editing.name}` : t("rep.new")} extra={editing && <Button size="small" onClick={startNew}>{t("rep.new")}</Button>}>
            <Form form={form} layout="vertical" initialValues={initial} className="ff-report-form">
              <Form.Item name="name" label={t("rep.name")} rules={[{ required: true, whitespace: true, message: t("rep.nameRequired") }, { max: 100 }]}>
                <Input maxLength={100} />
              </Form.Item>
              <Form.Item name="measures" label={t("rep.measures")} rules={[{ required: true, message: t("rep.measuresRequired") }]}>
                <Select mode="multiple" options={measures.map((m) => ({ value: m.name, label: t(m.title) }))} />
              </Form.Item>
              <Form.Item name="dimensions" label={t("rep.dimensions")}>
                <Select mode="multiple" options={(Object.keys(dimensionTitles) as Dimension[]).map((d) => ({ value: d, label: t(dimensionTitles[d]) }))} />
              </Form.Item>
              {dimensions.includes("org") && (
                <Form.Item name="orgLevel" label={t("rep.orgLevel")}>
                  <Select options={["district", "street", "grassroots"].map((l) => ({ value: l, label: t(`rep.level.${l}` as MessageKey) }))} />
                </Form.Item>
              )}
              <Form.Item name="orgUnitId" label={t("rep.org")}>
                <Select allowClear placeholder={orgs[0]?.name} options={orgs.map((o) => ({ value: o.id, label: o.name }))} />
              </Form.Item>
              <Form.Item name="moduleKey" label={t("rep.module")}>
                <Select allowClear placeholder={t("rep.allModules")} options={modules.map((m) => ({ value: m.key, label: m.name }))} />
              </Form.Item>
              <Form.Item name="period" label={t("rep.period")}>
                <Select options={(Object.keys(periodTitles) as Period[]).map((p) => ({ value: p, label: t(periodTitles[p]) }))} />
              </Form.Item>
              {period === "" && (
                <Form.Item name="range" label={t("fig.period")}>
                  <DatePicker.RangePicker allowEmpty={[true, true]} placeholder={[t("dash.from"), t("dash.to")]} />
                </Form.Item>
              )}
              <Form.Item name="every" label={t("rep.schedule")} extra={every ? t("rep.scheduleHint") : undefined}>
                <Select options={[{ value: "", label: t("rep.every.none") }, { value: "weekly", label: t("rep.every.weekly") }, { value: "monthly", label: t("rep.every.monthly") }]} />
              </Form.Item>
              {every && (
                <Space>
                  <Form.Item name="day" label={every === "weekly" ? t("rep.weekday") : t("rep.dayOfMonth")}>
                    <Select style={{ width: 120 }} options={every === "weekly"
                      ? weekdays.map((w, i) => ({ value: i + 1, label: t(w) }))
                      : Array.from({ length: 28 }, (_, i) => ({ value: i + 1, label: String(i + 1) }))} />
                  </Form.Item>
                  <Form.Item name="hour" label={t("rep.hour")}>
                    <Select style={{ width: 100 }} options={Array.from({ length: 24 }, (_, h) => ({ value: h, label: `${String(h).padStart(2, "0")}:00` }))} />
                  </Form.Item>
                </Space>
              )}
              <Space>
                <Button onClick={preview}>{t("rep.preview")}</Button>
                <Button type="primary" onClick={save}>{t("rep.save")}</Button>
                {editing && <ExportLink href={reportsApi.exportUrl(editing.id)} what={editing.name} />}
              </Space>
            </Form>
          </Card>
        </Col>
        <Col xs={24} xl={15}>
          <Card title={table ? `${table.name || t("rep.preview")}（${table.scope.map((s) => s.name).join("、")}，${table.from} – ${table.to}）` : t("rep.table")} className="ff-report-table">
            {table
              ? <Table size="small" pagination={{ pageSize: 50, hideOnSinglePage: true }} scroll={{ x: true }} dataSource={rows}
                  columns={table.columns.map((c, i) => ({ key: c.key, title: c.title, render: (_: unknown, r: { cells: (string | number | null)[] }) => (i < dimensionCount ? r.cells[i] : cell(c.key, r.cells[i])) }))} />
              : <span>{t("rep.noTable")}</span>}
          </Card>
          <Card title={t("rep.list")} style={{ marginTop: 12 }} className="ff-report-list">
            <Table size="small" rowKey="id" pagination={false} dataSource={saved} locale={{ emptyText: t("rep.empty") }}
              columns={[
                { key: "name", title: t("rep.name"), render: (_, r) => <Button type="link" onClick={() => open(r)}>{r.name}</Button> },
                { key: "schedule", title: t("rep.schedule"), render: (_, r) => (r.schedule
                  ? `${t(r.schedule.every === "weekly" ? "rep.every.weekly" : "rep.every.monthly")} ${r.schedule.every === "weekly" ? t(weekdays[r.schedule.day - 1]) : r.schedule.day} ${String(r.schedule.hour).padStart(2, "0")}:00`
                  : t("rep.every.none")) },
                { key: "next", title: t("rep.nextDue"), render: (_, r) => (r.nextDueAt ? dayjs(r.nextDueAt).format("YYYY-MM-DD HH:mm") : "—") },
                { key: "actions", title: t("rep.actions"), render: (_, r) => (
                  <Space>
                    <ExportLink href={reportsApi.exportUrl(r.id)} what={r.name} />
                    <Popconfirm title={t("rep.deleteConfirm")} onConfirm={() => reportsApi.remove(r.id).then(() => { if (editing?.id === r.id) startNew(); return reload(); }, fail)}>
                      <Button size="small" danger>{t("rep.delete")}</Button>
                    </Popconfirm>
                  </Space>
                ) },
              ]} />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
