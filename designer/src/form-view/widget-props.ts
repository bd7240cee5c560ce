import type { FieldDefinition, JsonData, Locale } from "../forms";

/** A stored file as the forms engine expects it (engine Forms README, "file reference"). */
export interface FileReference {
  id: string;
  name: string;
  size?: number;
  contentType?: string;
}

/**
 * What the page around the form provides: where files are uploaded to (a refusal is thrown as an Error; a `status`
 * of 413 or 415 on it is shown as "too large" / "type not accepted"), where an uploaded file is read back, and the
 * orgs an `org` field offers. Without `upload` (e.g. the Studio's preview) file fields say they cannot upload here.
 */
export interface FormViewServices {
  upload?: (file: Blob, name: string) => Promise<FileReference>;
  fileUrl?: (file: FileReference) => string;
  orgs?: readonly { id: string; name: string }[];
}

export interface WidgetProps {
  field: FieldDefinition;
  path: string;
  inputId: string;
  value: JsonData | undefined;
  onChange: (value: JsonData | undefined) => void;
  readOnly: boolean;
  locale: Locale;
  services: FormViewServices;
}
