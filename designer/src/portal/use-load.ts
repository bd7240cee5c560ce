import { useCallback, useEffect, useState } from "react";
import { ApiProblem } from "./api";

/** Loads something from the API for a page: the value, the problem if it failed, and a reload. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): { value?: T; problem?: ApiProblem; loading: boolean; reload: () => void } {
  const [state, setState] = useState<{ value?: T; problem?: ApiProblem; loading: boolean }>({ loading: true });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setState(s => ({ ...s, loading: true }));
    load().then(
      value => { if (live) setState({ value, loading: false }); },
      error => { if (live) setState({ problem: error instanceof ApiProblem ? error : new ApiProblem(0, String(error), undefined, []), loading: false }); },
    );
    return () => { live = false; };
  }, [...deps, tick]); // eslint-disable-line react-hooks/exhaustive-deps
  return { ...state, reload: useCallback(() => setTick(t => t + 1), []) };
}
