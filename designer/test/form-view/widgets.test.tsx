// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { FormRuntime, loadForm, type JsonRecord } from "../../src/forms";
import { Harness } from "./form-view-harness";
import { everyTypeForm } from "./widget-form";

afterEach(cleanup);

/** Renders the every-type form on all pages and returns a reader of the latest data. */
function setup(extra: Partial<Parameters<typeof Harness>[0]> = {}) {
  let latest: JsonRecord = extra.initial ?? {};
  const user = userEvent.setup();
  render(<Harness runtime={everyTypeForm} allPages onData={d => { latest = d; }} {...extra} />);
  return { user, data: () => latest };
}

describe("text widgets", () => {
  it("text, textarea and email keep what is typed", async () => {
    const { user, data } = setup();
    await user.type(screen.getByLabelText(/姓名/), "张三");
    await user.type(screen.getByLabelText("备注"), "你好");
    await user.type(screen.getByLabelText("邮箱"), "a@b.cn");
    expect(data()).toMatchObject({ name: "张三", note: "你好", email: "a@b.cn" });
  });

  it("a mobile number the runtime refuses shows its error at the field once touched", async () => {
    const { user } = setup();
    const mobile = screen.getByLabelText("手机号");
    await user.type(mobile, "12345");
    const field = mobile.closest(".ff-field") as HTMLElement;
    expect(within(field).getByRole("alert").textContent).not.toBe("");
    await user.clear(mobile);
    await user.type(mobile, "13812345678");
    expect(within(field).queryByRole("alert")).toBeNull();
  });
});

describe("number and money", () => {
  it("stores numbers and shows the calculated money read-only with two decimals", async () => {
    const { user, data } = setup();
    await user.type(screen.getByLabelText("人数"), "3");
    await user.type(screen.getByLabelText("月收入"), "8000");
    expect(data()).toMatchObject({ count: 3, income: 8000 });
    const dues = screen.getByLabelText("会费") as HTMLInputElement;
    expect(dues.value).toBe("40.00");
    expect(dues.readOnly).toBe(true);
  });

  it("text that is not a number reaches the runtime, which names the type error", async () => {
    const { user, data } = setup();
    await user.type(screen.getByLabelText("人数"), "三");
    expect(data().count).toBe("三");
    expect(within(screen.getByLabelText("人数").closest(".ff-field") as HTMLElement).getByRole("alert")).toBeTruthy();
  });
});

describe("dates", () => {
  it("date and datetime come from the phone's picker, datetime with the +08:00 offset", () => {
    const { data } = setup();
    fireEvent.change(screen.getByLabelText("出生日期"), { target: { value: "1990-05-01" } });
    fireEvent.change(screen.getByLabelText("约见时间"), { target: { value: "2026-03-02T09:30" } });
    expect(data()).toMatchObject({ birth: "1990-05-01", meeting: "2026-03-02T09:30:00+08:00" });
  });
});

describe("choices", () => {
  it("a boolean is a checkbox labelled by the field", async () => {
    const { user, data } = setup();
    await user.click(screen.getByRole("checkbox", { name: "我同意" }));
    expect(data().agree).toBe(true);
  });

  it("a radio choice re-runs the rules: 'other' shows a required follow-up field", async () => {
    const { user, data } = setup();
    expect(screen.queryByLabelText(/其他类型/)).toBeNull();
    await user.click(screen.getByRole("radio", { name: "其他" }));
    expect(data().kind).toBe("other");
    const other = screen.getByLabelText(/其他类型/);
    expect(other.closest(".ff-field")!.querySelector(".ff-required")).not.toBeNull();
    await user.click(screen.getByRole("radio", { name: "甲" }));
    expect(screen.queryByLabelText(/其他类型/)).toBeNull();
  });

  it("multiChoice collects the checked values", async () => {
    const { user, data } = setup();
    await user.click(screen.getByRole("checkbox", { name: "标签X" }));
    await user.click(screen.getByRole("checkbox", { name: "标签Y" }));
    expect(data().tags).toEqual(["x", "y"]);
    await user.click(screen.getByRole("checkbox", { name: "标签X" }));
    expect(data().tags).toEqual(["y"]);
  });

  it("a quiz question takes one answer and never shows which is right", async () => {
    const { user, data } = setup();
    await user.click(screen.getByRole("radio", { name: "一" }));
    expect(data().q1).toBe("one");
    expect(screen.queryByText(/正确|correct/i)).toBeNull();
  });

  it("rating stores whole stars", async () => {
    const { user, data } = setup();
    const group = screen.getByRole("group", { name: "评分" });
    expect(within(group).getAllByRole("button").length).toBe(5);
    await user.click(within(group).getByRole("button", { name: "4 星" }));
    expect(data().stars).toBe(4);
    expect(within(group).getByRole("button", { name: "4 星" }).getAttribute("aria-pressed")).toBe("true");
    await user.click(within(group).getByRole("button", { name: "4 星" }));
    expect(data().stars).toBeUndefined();
  });
});

describe("region and org", () => {
  it("a region is picked as province, city and county, and only the county sets the code", async () => {
    const { user, data } = setup();
    await waitFor(() => expect((screen.getByLabelText("省份") as HTMLSelectElement).disabled).toBe(false));
    expect(screen.queryByRole("textbox", { name: /后 4 位/ })).toBeNull();
    await user.selectOptions(screen.getByLabelText("省份"), "广东省");
    await user.selectOptions(screen.getByLabelText("城市"), "深圳市");
    expect(data().region).toBeUndefined();
    expect(within(screen.getByLabelText("区县")).queryByRole("option", { name: "东城区" })).toBeNull();
    await user.selectOptions(screen.getByLabelText("区县"), "南山区");
    expect(data().region).toBe("440305");
    await user.selectOptions(screen.getByLabelText("省份"), "北京市");
    expect(data().region).toBeUndefined();
    expect((screen.getByLabelText("城市") as HTMLSelectElement).value).toBe("");
  });

  it("a stored county shows as its province, city and county; a code not in the national list can still be typed", async () => {
    setup({ initial: { region: "110105" } });
    await waitFor(() => expect((screen.getByLabelText("区县") as HTMLSelectElement).value).toBe("110105"));
    expect((screen.getByLabelText("城市") as HTMLSelectElement).value).toBe("110100");
    cleanup();
    const { user, data } = setup({ initial: { region: "830000" } });
    const rest = await screen.findByRole("textbox", { name: /后 4 位/ });
    await user.clear(rest);
    await user.type(rest, "0101");
    expect(data().region).toBe("830101");
  });

  it("an org is picked from the orgs the page provides", async () => {
    const { user, data } = setup({ services: { orgs: [{ id: "7", name: "华兴电子有限公司工会" }] } });
    await user.selectOptions(screen.getByLabelText("所属工会"), "华兴电子有限公司工会");
    expect(data().org).toBe("7");
  });

  it("a read-only org shows the org's name, never its id", () => {
    setup({ initial: { org: "7" }, permissions: { org: "read" }, services: { orgs: [{ id: "7", name: "　　华兴电子有限公司工会" }] } });
    expect((screen.getByLabelText("所属工会") as HTMLInputElement).value).toBe("华兴电子有限公司工会");
  });

  it("a read-only org outside the reader's tree says so instead of showing its id", () => {
    setup({ initial: { org: "4" }, permissions: { org: "read" }, services: { orgs: [{ id: "7", name: "华兴电子有限公司工会" }] } });
    expect((screen.getByLabelText("所属工会") as HTMLInputElement).value).toBe("您可见范围以外的组织");
  });
});

describe("resident ID", () => {
  it("counts characters, names the expected check character when it is wrong, and confirms a valid ID", async () => {
    const { user, data } = setup();
    const input = screen.getByLabelText("身份证号");
    await user.type(input, "11010519491231002");
    expect(screen.getByText("已输入 17/18 位")).toBeTruthy();
    await user.type(input, "5");
    expect(screen.getByText("身份证号校验位不符（应为 X）")).toBeTruthy();
    await user.clear(input);
    await user.type(input, "11010519491231002x");
    expect(data().rid).toBe("11010519491231002X");
    expect(screen.getByText("身份证号校验通过")).toBeTruthy();
  });
});

describe("files and signature", () => {
  it("without an upload endpoint, file, image and signature say uploads are unavailable", () => {
    setup();
    expect(screen.getAllByText("此处不能上传文件").length).toBe(3);
    expect(document.querySelector("input[type=file]")).toBeNull();
  });

  it("with an upload endpoint a chosen file becomes a file reference", async () => {
    const upload = vi.fn(async (file: Blob, name: string) => ({ id: "f1", name, size: file.size, contentType: file.type }));
    const { user, data } = setup({ services: { upload } });
    const input = document.getElementById("ff-doc") as HTMLInputElement;
    await user.upload(input, new File(["hello"], "proof.pdf", { type: "application/pdf" }));
    await waitFor(() => expect(data().doc).toEqual({ id: "f1", name: "proof.pdf", size: 5, contentType: "application/pdf" }));
    expect(screen.getByText("proof.pdf")).toBeTruthy();
  });

  it("the signature pad saves a PNG through the upload endpoint after a stroke, and clears", async () => {
    const upload = vi.fn(async (file: Blob, name: string) => ({ id: "s1", name, contentType: file.type }));
    const { data } = setup({ services: { upload } });
    const save = screen.getByRole("button", { name: "保存签名" });
    expect((save as HTMLButtonElement).disabled).toBe(true);
    const pad = screen.getByRole("img", { name: "请在此处签名" });
    fireEvent.pointerDown(pad, { clientX: 10, clientY: 10, pointerId: 1 });
    fireEvent.pointerMove(pad, { clientX: 50, clientY: 40, pointerId: 1 });
    fireEvent.pointerUp(pad, { pointerId: 1 });
    await waitFor(() => expect((save as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(save);
    await waitFor(() => expect(data().sign).toEqual({ id: "s1", name: "signature.png", contentType: "image/png" }));
    expect(upload.mock.calls[0][0].type).toBe("image/png");
    fireEvent.click(screen.getByRole("button", { name: "清除" }));
    expect(data().sign).toBeUndefined();
  });

  /** An upload refused the way the server refuses it: an Error carrying the HTTP status. */
  const refusal = (status: number) => Object.assign(new Error(`refused ${status}`), { status });

  it("a file the server refuses as too large (413) is named at its field and the value stays empty", async () => {
    const upload = vi.fn(async () => { throw refusal(413); });
    const { user, data } = setup({ services: { upload } });
    const input = document.getElementById("ff-doc") as HTMLInputElement;
    await user.upload(input, new File(["x".repeat(100)], "big.pdf", { type: "application/pdf" }));
    const field = input.closest(".ff-field") as HTMLElement;
    await waitFor(() => expect(within(field).getByRole("alert").textContent).toBe("“big.pdf”上传失败：文件太大"));
    expect(data().doc).toBeUndefined();
  });

  it("a refused type (415) is named at the image field; another error keeps its own message", async () => {
    const upload = vi.fn()
      .mockRejectedValueOnce(refusal(415))
      .mockRejectedValueOnce(new Error("the server could not be reached"));
    const { user, data } = setup({ services: { upload } });
    const input = document.getElementById("ff-photo") as HTMLInputElement;
    const field = input.closest(".ff-field") as HTMLElement;
    await user.upload(input, new File(["<svg/>"], "x.png", { type: "image/png" }));
    await waitFor(() => expect(within(field).getByRole("alert").textContent).toBe("“x.png”上传失败：不支持这种文件类型"));
    await user.upload(input, new File(["<svg/>"], "x.png", { type: "image/png" }));
    await waitFor(() => expect(within(field).getByRole("alert").textContent).toBe("“x.png”上传失败：the server could not be reached"));
    expect(data().photo).toBeUndefined();
  });

  it("an uploaded image is shown from where the page reads files back; other files are links", async () => {
    const upload = vi.fn(async (file: Blob, name: string) => ({ id: name === "me.png" ? "img1" : "doc1", name, size: file.size, contentType: file.type }));
    const fileUrl = (f: { id: string }) => `/api/files/${f.id}`;
    const { user, data } = setup({ services: { upload, fileUrl } });
    await user.upload(document.getElementById("ff-photo") as HTMLInputElement, new File(["png"], "me.png", { type: "image/png" }));
    const picture = await screen.findByRole("img", { name: "me.png" });
    expect(picture.getAttribute("src")).toBe("/api/files/img1");
    expect(data().photo).toMatchObject({ id: "img1", name: "me.png" });
    await user.upload(document.getElementById("ff-doc") as HTMLInputElement, new File(["%PDF-1.4"], "proof.pdf", { type: "application/pdf" }));
    const link = await screen.findByRole("link", { name: "proof.pdf" });
    expect(link.getAttribute("href")).toBe("/api/files/doc1");
  });

  it("a saved signature is shown as its stored image (also where uploads are unavailable); clearing signs again", async () => {
    const sign = { id: "s9", name: "signature.png", contentType: "image/png" };
    const fileUrl = (f: { id: string }) => `/api/files/${f.id}`;
    const upload = vi.fn();
    const { data } = setup({ initial: { sign }, services: { upload, fileUrl } });
    expect(screen.getByRole("img", { name: "已保存的签名" }).getAttribute("src")).toBe("/api/files/s9");
    expect(screen.queryByRole("img", { name: "请在此处签名" })).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "清除" }));
    expect(data().sign).toBeUndefined();
    expect(screen.getByRole("img", { name: "请在此处签名" })).toBeTruthy();
    cleanup();
    render(<Harness runtime={everyTypeForm} allPages initial={{ sign }} services={{ fileUrl }} />);
    expect(screen.getByRole("img", { name: "已保存的签名" }).getAttribute("src")).toBe("/api/files/s9");
  });

  it("a refused signature upload is named at the pad", async () => {
    const upload = vi.fn(async () => { throw refusal(413); });
    const { data } = setup({ services: { upload } });
    const pad = screen.getByRole("img", { name: "请在此处签名" });
    fireEvent.pointerDown(pad, { clientX: 10, clientY: 10, pointerId: 1 });
    fireEvent.pointerUp(pad, { pointerId: 1 });
    const save = screen.getByRole("button", { name: "保存签名" });
    await waitFor(() => expect((save as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(save);
    const field = pad.closest(".ff-field") as HTMLElement;
    await waitFor(() => expect(within(field).getByRole("alert").textContent).toBe("“signature.png”上传失败：文件太大"));
    expect(data().sign).toBeUndefined();
  });
});

describe("display content", () => {
  it("keeps simple formatting and drops scripts and non-http links", () => {
    setup();
    const bold = screen.getByText("如实");
    expect(bold.tagName).toBe("B");
    expect(document.querySelector(".ff-content script")).toBeNull();
    expect(document.querySelector(".ff-content a")).toBeNull();
    expect(document.querySelector(".ff-content")!.textContent).toBe("请如实填写链接");
  });
});

describe("repeating group", () => {
  it("adds rows up to maxItems, validates each row's fields at their path, removes rows", async () => {
    const { user, data } = setup();
    await user.click(screen.getByRole("button", { name: "添加一行" }));
    await user.click(screen.getByRole("button", { name: "添加一行" }));
    expect(screen.queryByRole("button", { name: "添加一行" })).toBeNull();
    const rows = screen.getAllByLabelText(/关系/);
    expect(rows.length).toBe(2);
    await user.type(rows[1], "配偶");
    expect(data().family).toEqual([{}, { relation: "配偶" }]);
    await user.click(screen.getByRole("button", { name: /删除 第 1 项/ }));
    expect(data().family).toEqual([{ relation: "配偶" }]);
  });
});

describe("pages, submit and server errors", () => {
  it("shows progress, keeps the worker on a page with errors, then moves on and submits", async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    render(<Harness runtime={everyTypeForm} onSubmit={onSubmit} />);
    expect(screen.getByText("第 1 页，共 2 页")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "下一步" }));
    expect(screen.getByText("第 1 页，共 2 页")).toBeTruthy();
    expect(within(screen.getByLabelText(/姓名/).closest(".ff-field") as HTMLElement).getByRole("alert")).toBeTruthy();
    await user.type(screen.getByLabelText(/姓名/), "李四");
    await user.click(screen.getByRole("button", { name: "下一步" }));
    expect(screen.getByText("第 2 页，共 2 页")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "提交" }));
    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(onSubmit.mock.calls[0][0]).toMatchObject({ valid: true, data: { name: "李四" } });
  });

  it("a server refusal of a field on an earlier page takes the worker back to that page, with the error at the field", async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    const { rerender } = render(<Harness runtime={everyTypeForm} initial={{ name: "李四" }} onSubmit={onSubmit} />);
    await user.click(screen.getByRole("button", { name: "下一步" }));
    expect(screen.getByText("第 2 页，共 2 页")).toBeTruthy();
    rerender(<Harness runtime={everyTypeForm} initial={{ name: "李四" }} onSubmit={onSubmit}
      serverErrors={[{ path: "/name", rule: "duplicate", message: "已有同名申请" }]} />);
    expect(screen.getByText("第 1 页，共 2 页")).toBeTruthy();
    expect(within(screen.getByLabelText(/姓名/).closest(".ff-field") as HTMLElement).getByRole("alert").textContent).toBe("已有同名申请");
  });

  it("skips a page whose fields are all hidden, as the handler's page of an idea is before the handler fills it", async () => {
    const page = (id: string, label: string, visibleIf?: string) => ({
      id, title: { "zh-CN": label }, ...(visibleIf ? { visibleIf } : {}),
      sections: [{ id: `${id}s`, fields: [{ id: `${id}f`, key: `${id}f`, type: "text", label: { "zh-CN": `${label}：` } }] }],
    });
    const form = new FormRuntime(loadForm({
      id: "handler-page", version: "1.0.0", title: { "zh-CN": "建议" },
      pages: [page("idea", "建议内容"), page("review", "评审意见", "data.reviewf != null"), page("contact", "联系方式")],
    }));
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    render(<Harness runtime={form} onSubmit={onSubmit} />);
    expect(screen.getByText("第 1 页，共 2 页")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "下一步" }));
    expect(screen.getByText("第 2 页，共 2 页")).toBeTruthy();
    expect(screen.getByLabelText("联系方式：")).toBeTruthy();
    expect(screen.queryByLabelText("评审意见：")).toBeNull();
    await user.click(screen.getByRole("button", { name: "上一步" }));
    expect(screen.getByLabelText("建议内容：")).toBeTruthy();
  });

  it("English is switchable: the runtime's messages and the view's words follow the locale", async () => {
    const user = userEvent.setup();
    render(<Harness runtime={everyTypeForm} locale="en" />);
    expect(screen.getByText("Page 1 of 2")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Next" }));
    expect(screen.getByText("Please correct the problems marked on this page")).toBeTruthy();
  });

  it("a server error shows at its field until the field changes", async () => {
    const user = userEvent.setup();
    render(<Harness runtime={everyTypeForm} allPages initial={{ name: "王五" }}
      serverErrors={[{ path: "/name", rule: "duplicate", message: "已有同名申请" }]} />);
    const name = screen.getByLabelText(/姓名/);
    expect(within(name.closest(".ff-field") as HTMLElement).getByRole("alert").textContent).toBe("已有同名申请");
    await user.type(name, "一");
    expect(screen.queryByText("已有同名申请")).toBeNull();
  });
});
