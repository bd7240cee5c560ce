import { App as AntApp, ConfigProvider } from "antd";
import enUS from "antd/locale/en_US";
import zhCN from "antd/locale/zh_CN";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { studioTheme } from "./app/antd-styles";
import { StudioApp } from "./app/StudioApp";
import { nonceScriptStyles } from "./app/style-nonce";
import { I18nProvider, useI18n } from "./i18n/i18n";

/** The per-request nonce the server puts in the page for its style-src policy; antd's CSS-in-JS tags carry it. */
function cspNonce(): string | undefined {
  return document.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.content || undefined;
}

const nonce = cspNonce();
nonceScriptStyles(nonce);

function Localized() {
  const { locale } = useI18n();
  return (
    <ConfigProvider theme={studioTheme} csp={{ nonce }} locale={locale === "en" ? enUS : zhCN} button={{ autoInsertSpace: false }}>
      <AntApp>
        <StudioApp />
      </AntApp>
    </ConfigProvider>
  );
}

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <I18nProvider>
      <Localized />
    </I18nProvider>
  </StrictMode>,
);
