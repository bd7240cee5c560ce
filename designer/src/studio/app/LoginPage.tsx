import { Alert, Button, Card, Form, Input } from "antd";
import { useState } from "react";
import { errorText } from "../api/client";
import { studioApi } from "../api/studio-api";
import type { Me } from "../api/types";
import { useI18n } from "../i18n/i18n";

export function LoginPage({ onLogin }: { onLogin(me: Me): void }) {
  const { t } = useI18n();
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
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
    </Card>
  );
}
