import type { FieldDefinition } from "./definition";
import type { FieldAccess } from "./form-result";
import type { FieldPlace } from "./field-places";

const accessValues: readonly FieldAccess[] = ["hidden", "read", "edit", "required"];

/**
 * Per-step permissions resolved to fields. A field inside a group that is not listed itself inherits hidden or read
 * from its group (required does not carry down). Unlisted fields are edit.
 */
export class FieldPermissions {
  private readonly access = new Map<FieldDefinition, FieldAccess>();

  constructor(formId: string, find: (idOrKeyPath: string) => FieldPlace | undefined, permissions: Readonly<Record<string, string>> | undefined) {
    for (const name of Object.keys(permissions ?? {})) {
      const place = find(name);
      if (!place) throw new Error(`permission for '${name}': form '${formId}' has no field with that id or key path`);
      const access = String(permissions![name]).toLowerCase() as FieldAccess;
      if (!accessValues.includes(access)) {
        throw new Error(`permission for '${name}': '${permissions![name]}' is not one of ${accessValues.join(", ")}`);
      }
      this.access.set(place.field, access);
    }
  }

  of(field: FieldDefinition, group: FieldDefinition | undefined): FieldAccess {
    const own = this.access.get(field);
    if (own) return own;
    const inherited = group ? this.access.get(group) : undefined;
    return inherited === "hidden" || inherited === "read" ? inherited : "edit";
  }

  /** Whether the step names this field as one it edits or must fill (not merely edit by default). */
  assigns(field: FieldDefinition): boolean {
    const own = this.access.get(field);
    return own === "edit" || own === "required";
  }
}

/** Hidden and read fields keep the previous value whatever the client sent. */
export function protects(access: FieldAccess): boolean {
  return access === "hidden" || access === "read";
}
