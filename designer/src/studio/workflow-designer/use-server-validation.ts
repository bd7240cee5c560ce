import { useEffect, useState } from "react";
import type { WorkflowProblem } from "./ActivityProperties";
import type { WorkflowDefinition } from "./workflow-definition";

/** The server's verdict on the workflow, asked for a moment after the last change (stale answers are dropped). */
export function useServerValidation(workflow: WorkflowDefinition, validate: ((w: WorkflowDefinition) => Promise<WorkflowProblem[]>) | undefined, delay = 500) {
  const [problems, setProblems] = useState<WorkflowProblem[]>([]);
  const [failure, setFailure] = useState<string>();
  useEffect(() => {
    if (!validate) return;
    let current = true;
    const timer = setTimeout(() => {
      validate(workflow).then(
        (found) => { if (current) { setProblems(found); setFailure(undefined); } },
        (error: unknown) => { if (current) setFailure(error instanceof Error ? error.message : String(error)); },
      );
    }, delay);
    return () => { current = false; clearTimeout(timer); };
  }, [workflow, validate, delay]);
  return { problems, failure };
}
