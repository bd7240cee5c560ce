import { Alert, Button, Layout, Menu, Space, Spin } from "antd";
import { lazy, Suspense, useEffect, useState } from "react";
import { ApiError, errorText } from "../api/client";
import { studioApi } from "../api/studio-api";
import type { Me, ModuleSummary } from "../api/types";
import { DashboardPage } from "../dashboard/DashboardPage";
import { ReportsPage } from "../reports/ReportsPage";
import { useI18n } from "../i18n/i18n";
import { LibraryPage } from "../library/LibraryPage";
import { ModulePage } from "../module/ModulePage";
import { OrgsPage } from "../orgs/OrgsPage";
import { AccountsPage } from "../accounts/AccountsPage";
import { DeliveriesPage } from "../deliveries/DeliveriesPage";
import { MerchantsPage } from "../merchants/MerchantsPage";
import { MemberImportPage } from "../members/MemberImportPage";
import { AuditPage } from "../audit/AuditPage";
import { ServicesPage } from "../services/ServicesPage";
import { ActivityRegistryGate } from "../workflow-designer/ActivityRegistryGate";
import { LoginPage } from "./LoginPage";
import { useHashRoute, type Route } from "./use-hash-route";

// The content page carries the rich-text editor (tiptap, ProseMirror): loaded when opened, not with the Studio.
const ContentPage = lazy(() => import("../content/ContentPage"));
const QuestionBanksPage = lazy(() => import("../training/QuestionBanksPage"));
const ContestMonitorPage = lazy(() => import("../training/ContestMonitorPage"));

/** Signs in, then the library, a module, services or the dashboard by the URL fragment. */
export function StudioApp() {
  const { t, locale, setLocale } = useI18n();
  const [me, setMe] = useState<Me | null>();
  const [route, go] = useHashRoute();
  const [module, setModule] = useState<ModuleSummary>();
  const [problem, setProblem] = useState<string>();

  useEffect(() => { studioApi.me().then(setMe, (e) => (e instanceof ApiError && e.status === 401 ? setMe(null) : setProblem(errorText(e)))); }, []);
  useEffect(() => {
    if (route.page !== "module" || !me || String(module?.id) === route.id) return;
    studioApi.modules().then((all) => {
      const found = all.find((m) => String(m.id) === route.id);
      if (found) setModule(found); else setProblem(`${route.id}: 404`);
    }, (e) => setProblem(errorText(e)));
  }, [route, me, module]);

  if (problem && me === undefined) return <Alert type="error" title={problem} />;
  if (me === undefined) return <Spin />;
  if (me === null) return <LoginPage onLogin={setMe} />;

  return (
    <Layout style={{ minHeight: "100vh" }}>
      <Layout.Header style={{ display: "flex", alignItems: "center", gap: 16, background: "#fff", borderBottom: "1px solid #f0f0f0" }}>
        <b>{t("app.title")}</b>
        <Menu mode="horizontal" style={{ flex: 1, borderBottom: "none" }} selectedKeys={[route.page === "module" ? "library" : route.page]}
          onClick={(e) => go({ page: e.key as Exclude<Route["page"], "module"> })}
          items={[{ key: "library", label: t("app.library") }, { key: "services", label: t("app.services") }, { key: "dashboard", label: t("app.dashboard") }, { key: "reports", label: t("app.reports") },
            { key: "content", label: t("app.content") }, { key: "banks", label: t("app.banks") }, { key: "monitor", label: t("app.monitor") }, ...(me.roles.some((r) => r.role === "admin") ? [{ key: "orgs", label: t("app.orgs") }, { key: "accounts", label: t("app.accounts") }, { key: "deliveries", label: t("app.deliveries") },
              { key: "merchants", label: t("app.merchants") }, { key: "members", label: t("app.memberImport") }, { key: "audit", label: t("app.audit") }] : [])]} />
        <Space>
          <span>{me.displayName}</span>
          <Button size="small" onClick={() => setLocale(locale === "zh-CN" ? "en" : "zh-CN")}>{t("app.language")}</Button>
          <Button size="small" onClick={() => studioApi.logout().finally(() => setMe(null))}>{t("app.logout")}</Button>
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: 16 }}>
        {problem && <Alert type="error" title={problem} closable onClose={() => setProblem(undefined)} />}
        {route.page === "library" && <LibraryPage onOpen={(m) => { setModule(m); go({ page: "module", id: String(m.id) }); }} />}
        {route.page === "module" && (module && String(module.id) === route.id ? <ActivityRegistryGate><ModulePage key={module.id} summary={module} onBack={() => go({ page: "library" })} /></ActivityRegistryGate> : <Spin />)}
        {route.page === "services" && <ServicesPage />}
        {route.page === "dashboard" && <DashboardPage />}
        {route.page === "reports" && <ReportsPage />}
        {route.page === "content" && <Suspense fallback={<Spin />}><ContentPage /></Suspense>}
        {route.page === "orgs" && <OrgsPage />}
        {route.page === "accounts" && <AccountsPage />}
        {route.page === "deliveries" && <DeliveriesPage />}
        {route.page === "merchants" && <MerchantsPage />}
        {route.page === "members" && <MemberImportPage />}
        {route.page === "audit" && <AuditPage />}
        {route.page === "banks" && <Suspense fallback={<Spin />}><QuestionBanksPage /></Suspense>}
        {route.page === "monitor" && <Suspense fallback={<Spin />}><ContestMonitorPage /></Suspense>}
      </Layout.Content>
    </Layout>
  );
}
