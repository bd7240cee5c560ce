import { Button } from "antd-mobile";
import { useEffect, useState } from "react";
import type { ChannelsView } from "../../api/openapi-types";
import { OptionInput } from "../../form-view/widgets/option-inputs";
import { api, ApiProblem, get } from "../api";
import { LocalePicker } from "../locale-picker";
import { say, type Word } from "../i18n";
import { isCadre, useSession } from "../session";
import { DelegationCard } from "./delegation-card";

/** Language, elder mode, for staff the stand-in during an absence, and sign-out. */
export function Settings() {
  const { me, locale, setLocale, elder, setElder, signOut } = useSession();
  return (
    <section>
      <h2>{me.displayName}</h2>
      <ul className="pf-roles">{me.roles.map(r => <li key={`${r.role}@${r.orgId}`}>{r.role} · {r.orgName}</li>)}</ul>
      <LocalePicker locale={locale} setLocale={setLocale} />
      <ChannelSettings />
      <div className="pf-card"><OptionInput kind="checkbox" checked={elder} onChange={setElder}>{say(locale, "elder")}</OptionInput></div>
      <p className="pf-muted">{say(locale, "elderNote")}</p>
      {isCadre(me) && <DelegationCard />}
      <Button block color="danger" fill="outline" onClick={signOut}>{say(locale, "signOut")}</Button>
    </section>
  );
}

const channelWords: Record<string, Word> = { inApp: "channelInApp", sms: "channelSms", wechat: "channelWechat" };

/** 消息设置: the channels I hear from the union on; in-app messages cannot be turned off. */
function ChannelSettings() {
  const { locale } = useSession();
  const [view, setView] = useState<ChannelsView | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  useEffect(() => { void get<ChannelsView>("/api/me/channels").then(setView, () => setView(null)); }, []);
  if (!view) return null;
  const toggle = async (channel: string, on: boolean) => {
    const muted = view.channels.filter(c => c.mutable && (c.channel === channel ? !on : c.muted)).map(c => c.channel);
    try {
      setView(await api<ChannelsView>("PUT", "/api/me/channels", { muted }));
      setStatus(say(locale, "channelsSaved"));
    } catch (e) {
      setStatus(e instanceof ApiProblem ? e.detail ?? e.title : String(e));
    }
  };
  return (
    <fieldset className="pf-card pf-channels">
      <legend>{say(locale, "channelSettings")}</legend>
      {view.channels.map(c => (
        <OptionInput key={c.channel} kind="checkbox" checked={!c.muted} disabled={!c.mutable} onChange={on => void toggle(c.channel, on)}>
          {say(locale, channelWords[c.channel] ?? "channelInApp")}
        </OptionInput>
      ))}
      {status && <p className="pf-muted" role="status">{status}</p>}
    </fieldset>
  );
}
