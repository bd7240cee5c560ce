import type { FieldDefinition, JsonData, Locale } from "../forms";

/** A stored file as the forms engine expects it (engine Forms README, "file reference"). */
export interface FileReference {
  id: string;
  name: string;
  size?: number;
  contentType?: string;
}

/** What the page around the form provides: an upload endpoint (none exists yet) and the orgs an `org` field offers. */
export interface FormViewServices {
  upload?: (file: Blob, name: string) => Promise<FileReference>;
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
