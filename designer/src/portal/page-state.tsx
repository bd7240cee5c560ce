import { Button, ErrorBlock } from "antd-mobile";
import type { ReactNode } from "react";
import type { ApiProblem } from "./api";
import { say } from "./i18n";
import { useSession } from "./session";

/**
 * Loading, a problem with a retry, or the page's content. The loading spinner is CSS (portal.css): antd-mobile's
 * SpinLoading animates with react-spring, which doubled the script every page waits for (84 KB before, 40 after).
 */
export function PageState({ loading, problem, reload, children }: { loading: boolean; problem?: ApiProblem; reload: () => void; children: () => ReactNode }) {
  const { locale } = useSession();
  if (problem) return (
    <div role="alert" className="pf-problem">
      <ErrorBlock status="default" title={problem.title} description={problem.detail ?? ""} />
      <Button onClick={reload}>{say(locale, "retry")}</Button>
    </div>
  );
  if (loading) return <div className="pf-loading"><span className="pf-spinner" role="img" aria-label={say(locale, "loading")} /></div>;
  return <>{children()}</>;
}
