// @vitest-environment happy-dom
import "./dom-setup";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, expect, test, vi } from "vitest";
import { SettingValueInput } from "../../src/studio/customisation/SettingValueInput";

afterEach(cleanup);

test("a response window's instant is edited as text, and an empty one becomes null (no limit)", () => {
  const onChange = vi.fn();
  render(<SettingValueInput name="responseClosesAt" value="2027-06-30T16:00:00Z" label="值 responseClosesAt" onChange={onChange} />);
  const input = screen.getByLabelText("值 responseClosesAt") as HTMLInputElement;
  expect(input.value).toBe("2027-06-30T16:00:00Z");
  fireEvent.change(input, { target: { value: "2027-07-31T16:00:00Z" } });
  expect(onChange).toHaveBeenLastCalledWith("2027-07-31T16:00:00Z");
  fireEvent.change(input, { target: { value: " " } });
  expect(onChange).toHaveBeenLastCalledWith(null);
});

test("the anonymity setting offers its three values, and an unknown setting's JSON stays read-only", () => {
  render(<SettingValueInput name="responseAnonymity" value="secretBallot" label="值 responseAnonymity" onChange={() => undefined} />);
  expect(screen.getByText("secretBallot")).toBeTruthy();
  render(<SettingValueInput name="colours" value={["red"]} label="值 colours" onChange={() => undefined} />);
  expect((screen.getByLabelText("值 colours") as HTMLInputElement).disabled).toBe(true);
});
