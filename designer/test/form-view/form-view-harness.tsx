import { useState } from "react";
import type { FieldAccess, FormError, FormResult, FormRuntime, JsonRecord, Locale } from "../../src/forms";
import { FormView, type FormViewServices } from "../../src/form-view";

/** The form view as a page holds it: data in state; the latest data and submitted results are reported out. */
export function Harness(props: {
  runtime: FormRuntime; initial?: JsonRecord; locale?: Locale; services?: FormViewServices; serverErrors?: FormError[]; permissions?: Record<string, FieldAccess>;
  onData?: (data: JsonRecord) => void; onSubmit?: (result: FormResult) => void; allPages?: boolean;
}) {
  const [data, setData] = useState<JsonRecord>(props.initial ?? {});
  return (
    <FormView runtime={props.runtime} data={data} locale={props.locale ?? "zh-CN"} services={props.services} permissions={props.permissions}
      serverErrors={props.serverErrors} allPages={props.allPages}
      onChange={next => { setData(next); props.onData?.(next); }} onSubmit={props.onSubmit ?? (() => {})} />
  );
}
