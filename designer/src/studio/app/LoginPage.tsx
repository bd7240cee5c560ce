import { Alert, Button, Card, Divider, Form, Input } from "antd";
import { useEffect, useState } from "react";
import { errorText } from "../api/client";
import { studioApi } from "../api/studio-api";
import type { Me } from "../api/types";
import { useI18n } from "../i18n/i18n";
import { forgetSignInError, signInError, signInHref, useBrowserSignIns } from "../../sign-in/sign-in-providers";

export function LoginPage({ onLogin }: { onLogin(me: Me): void }) {
  const { t } = useI18n();
  // Back from a union login that did not sign in: say why (the server logged the details).
  const [problem, setProblem] = useState<string | undefined>(() => {
    const error = signInError();
    // ("password" comes only from the Portal's own form, which sends the browser back to a Portal page.)
    return error && error !== "password" ? t(error === "no-account" ? "login.unionNoAccount" : "login.unionFailed") : undefined;
  });
  const [busy, setBusy] = useState(false);
  useEffect(forgetSignInError, []);
  const others = useBrowserSignIns();
  return (
    <Card title={t("login.title")} style={{ maxWidth: 380, margin: "10vh auto" }}>
      {problem && <Alert type="error" role="alert" title={problem} style={{ marginBottom: 12 }} />}
      <Form layout="vertical" onFinish={async (v: { userName: string; password: string }) => {
        setBusy(true);
        try { onLogin(await studioApi.login(v.userName, v.password)); } catch (e) { setProblem(errorText(e)); } finally { setBusy(false); }
      }}>
        <Form.Item name="userName" label={t("login.user")} rules={[{ required: true }]}><Input autoComplete="username" /></Form.Item>
        <Form.Item name="password" label={t("login.password")} rules={[{ required: true }]}><Input.Password autoComplete="current-password" /></Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} block>{t("login.submit")}</Button>
      </Form>
      {others.length > 0 && <Divider plain>{t("login.or")}</Divider>}
      {/* back to the Studio's entry: the server takes a path, not the #/module/… fragment that names a page */}
      {others.map((p) => <Button key={p.id} href={signInHref(p, "/studio/")} block>{t("login.with", { name: p.displayName })}</Button>)}
    </Card>
  );
}
