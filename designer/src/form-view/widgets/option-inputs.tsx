import type { ReactNode } from "react";

/**
 * Radio buttons and checkboxes as native inputs with large touch targets. antd-mobile's Radio and Checkbox hide
 * their native input (display: none), which takes them out of the accessibility tree and the tab order.
 */
export function OptionInput(props: {
  kind: "radio" | "checkbox"; name?: string; id?: string; checked: boolean; disabled?: boolean;
  onChange: (checked: boolean) => void; children: ReactNode;
}) {
  const { kind, name, id, checked, disabled, onChange, children } = props;
  return (
    <label className={checked ? "ff-option ff-option-on" : "ff-option"}>
      <input type={kind} name={name} id={id} checked={checked} disabled={disabled} onChange={e => onChange(e.target.checked)} />
      <span>{children}</span>
    </label>
  );
}
