/**
 * The training template's `trainingLevels` setting as the Studio's level table edits it, checked as the server's
 * TrainingSettings.Check checks it: the same pointers and the same messages, kept in step by the shared vectors in
 * tests/conformance/training-levels.
 */
export interface TrainingLevel { title: string; topic?: string | null; difficulty?: number | null; questions: number }

export interface LevelProblem { pointer: string; message: string }

const setting = "trainingLevels";
export const maxLevels = 20;
export const maxQuestions = 100;

const isWhole = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v);

/** Every problem of the setting's value, in the server's order: per level title, topic, difficulty, questions. */
export function levelProblems(levels: unknown): LevelProblem[] {
  if (!Array.isArray(levels) || levels.length < 1 || levels.length > maxLevels)
    return [{ pointer: `/settings/${setting}/value`, message: `setting '${setting}' must be an array of 1 to ${maxLevels} levels` }];
  const problems: LevelProblem[] = [];
  levels.forEach((level: unknown, i) => {
    const bad = (property: string, rule: string) =>
      problems.push({ pointer: `/settings/${setting}/value/${i}/${property}`, message: `setting '${setting}', level ${i + 1}: '${property}' ${rule}` });
    if (typeof level !== "object" || level === null || Array.isArray(level)) {
      bad("title", "is required: a level is an object {title, topic, difficulty, questions}");
      return;
    }
    const { title, topic, difficulty, questions } = level as Record<string, unknown>;
    if (typeof title !== "string" || title.trim() === "" || title.length > 200) bad("title", "must be a text of 1 to 200 characters");
    if (topic != null && (typeof topic !== "string" || topic.length > 100)) bad("topic", "must be a text of at most 100 characters, or absent for any topic");
    if (difficulty != null && !(isWhole(difficulty) && difficulty >= 1 && difficulty <= 5)) bad("difficulty", "must be 1 to 5, or absent for any");
    if (!(isWhole(questions) && questions >= 1 && questions <= maxQuestions)) bad("questions", `must be 1 to ${maxQuestions}`);
  });
  return problems;
}

/** The problem of one cell (level `index`, `property`), if any. */
export const cellProblem = (problems: LevelProblem[], index: number, property: keyof TrainingLevel) =>
  problems.find((p) => p.pointer === `/settings/${setting}/value/${index}/${property}`);
