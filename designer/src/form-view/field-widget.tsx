import type { ComponentType } from "react";
import type { WidgetProps } from "./widget-props";
import { BooleanWidget } from "./widgets/boolean-widget";
import { ChoiceWidget } from "./widgets/choice-widget";
import { DateWidget } from "./widgets/date-widget";
import { FileWidget } from "./widgets/file-widget";
import { NumberWidget } from "./widgets/number-widget";
import { OrgWidget } from "./widgets/org-widget";
import { RatingWidget } from "./widgets/rating-widget";
import { RegionWidget } from "./widgets/region-widget";
import { ResidentIdWidget } from "./widgets/resident-id-widget";
import { SignatureWidget } from "./widgets/signature-pad";
import { TextWidget } from "./widgets/text-widget";

/** The widget of each data field type (group and content are laid out by the form view itself). */
export const widgets: Readonly<Record<string, ComponentType<WidgetProps>>> = {
  text: TextWidget, textarea: TextWidget, mobile: TextWidget, email: TextWidget,
  number: NumberWidget, money: NumberWidget,
  date: DateWidget, datetime: DateWidget,
  boolean: BooleanWidget,
  choice: ChoiceWidget, multiChoice: ChoiceWidget, quiz: ChoiceWidget,
  region: RegionWidget, org: OrgWidget, residentId: ResidentIdWidget,
  file: FileWidget, image: FileWidget, signature: SignatureWidget,
  rating: RatingWidget,
};

/** Types whose widget is a group of inputs or carries its own label, so the frame's <label> must not point at it. */
export const selfLabelled = new Set(["boolean"]);
export const groupLabelled = new Set(["choice", "multiChoice", "quiz", "rating"]);
