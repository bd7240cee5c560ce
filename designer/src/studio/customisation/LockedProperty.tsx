import { LockOutlined } from "@ant-design/icons";
import { ConfigProvider, Tooltip, Typography } from "antd";
import { useId, type ReactNode } from "react";
import { useI18n } from "../i18n/i18n";
import type { Refusal } from "./lock-check";

/** Which lock above holds a property (a JSON Pointer of the element shown), if any. */
export type PropertyLockOf = (pointer: string) => Refusal | undefined;

/**
 * One property's inputs, greyed beforehand when a lock above holds that property: the group is named for the property
 * and described by the lock's reason and the org that set it (shown under it and as its tooltip). Other properties of
 * the same element stay editable. Without a lock the inputs are shown as they are.
 */
export function LockedProperty({ lock, name, children }: { lock: Refusal | undefined; name: string; children: ReactNode }) {
  const { t } = useI18n();
  const id = useId();
  if (!lock) return <>{children}</>;
  const why = t("cust.lockedBy", { org: lock.lockedBy?.name ?? String(lock.lockedBy?.id ?? "?"), reason: lock.reason });
  return (
    <Tooltip title={why}>
      <div role="group" aria-label={name} aria-describedby={id} className="ff-locked-property" data-locked="true">
        <ConfigProvider componentDisabled>{children}</ConfigProvider>
        <Typography.Text id={id} type="secondary" className="ff-locked-property-reason" style={{ fontSize: 12, display: "block", marginTop: -4, marginBottom: 8 }}>
          <LockOutlined aria-hidden /> {why}
        </Typography.Text>
      </div>
    </Tooltip>
  );
}
