import { Alert, Spin } from "antd";
import { useEffect, useState, type ReactNode } from "react";
import { errorText } from "../api/client";
import { studioApi } from "../api/studio-api";
import { activitySpecs, installActivities } from "./activity-registry";

// One request per page: every module opened after the first finds the registry installed.
let loading: Promise<void> | undefined;

/** Renders its children once the served activity registry is installed (the workflow designer reads it synchronously). */
export function ActivityRegistryGate({ children }: { children: ReactNode }) {
  const [ready, setReady] = useState(() => activitySpecs().length > 0);
  const [problem, setProblem] = useState<string>();
  useEffect(() => {
    if (ready) return;
    loading ??= studioApi.activities().then(installActivities);
    loading.then(() => setReady(true), (e) => {
      loading = undefined;
      setProblem(errorText(e));
    });
  }, [ready]);
  if (problem) return <Alert type="error" title={problem} />;
  return ready ? children : <Spin />;
}
