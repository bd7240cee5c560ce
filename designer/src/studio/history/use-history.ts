import { useCallback, useRef, useState } from "react";

const maxSteps = 200;

export interface History<T> {
  present: T;
  /** Records a new state; `merge` folds it into the last step (typing in one field is one undo step). */
  commit(next: T, merge?: string): void;
  /** Replaces the whole history (a freshly loaded document). */
  reset(next: T): void;
  undo(): void;
  redo(): void;
  canUndo: boolean;
  canRedo: boolean;
}

interface State<T> { past: T[]; present: T; future: T[]; mergeKey?: string }

/** Undo/redo over immutable states. */
export function useHistory<T>(initial: T): History<T> {
  const [state, setState] = useState<State<T>>({ past: [], present: initial, future: [] });
  const stateRef = useRef(state);
  stateRef.current = state;

  const commit = useCallback((next: T, merge?: string) => {
    setState((s) => {
      if (next === s.present) return s;
      if (merge !== undefined && merge === s.mergeKey) return { ...s, present: next, future: [] };
      return { past: [...s.past, s.present].slice(-maxSteps), present: next, future: [], mergeKey: merge };
    });
  }, []);
  const reset = useCallback((next: T) => setState({ past: [], present: next, future: [] }), []);
  const undo = useCallback(() => setState((s) => (s.past.length === 0 ? s
    : { past: s.past.slice(0, -1), present: s.past[s.past.length - 1], future: [s.present, ...s.future] })), []);
  const redo = useCallback(() => setState((s) => (s.future.length === 0 ? s
    : { past: [...s.past, s.present], present: s.future[0], future: s.future.slice(1) })), []);

  return { present: state.present, commit, reset, undo, redo, canUndo: state.past.length > 0, canRedo: state.future.length > 0 };
}
