export { FormView, type FormViewProps } from "./form-view";
export type { FileReference, FormViewServices } from "./widget-props";
export { readPath, writePath } from "./data-paths";
