import { Alert, Form, Input, Modal, Select, TreeSelect } from "antd";
import { useEffect, useState } from "react";
import type { BenefitName, MerchantRequest, MerchantView } from "../../api/openapi-types";
import { studioApi } from "../api/studio-api";
import type { OrgNode } from "../api/types";
import { useI18n } from "../i18n/i18n";
import { refusalText, type RefusalText } from "../i18n/refusal-text";
import { orgTreeData } from "../library/org-tree";

interface Draft {
  code: string; name: string; category: string; address: string; districtId?: number; discount: string; benefits: string[];
  activeFrom: string; activeUntil: string; contactName: string; contactPhone: string; accounts: string[];
}

const draftOf = (m?: MerchantView): Draft => ({
  code: m?.code ?? "", name: m?.name ?? "", category: m?.category ?? "", address: m?.address ?? "", districtId: m?.districtId, discount: m?.discount ?? "",
  benefits: m?.benefits ?? [], activeFrom: m?.activeFrom ?? "", activeUntil: m?.activeUntil ?? "", contactName: m?.contactName ?? "",
  contactPhone: m?.contactPhone ?? "", accounts: m?.accounts ?? [],
});

/** The request the server takes: blanks are left out (null), so an optional field can be cleared. */
const requestOf = (d: Draft): MerchantRequest => {
  const text = (v: string) => (v && v.trim() !== "" ? v.trim() : null);
  return {
    code: text(d.code), name: d.name.trim(), category: d.category.trim(), address: text(d.address), districtId: d.districtId ?? null, discount: text(d.discount),
    benefits: d.benefits, activeFrom: text(d.activeFrom), activeUntil: text(d.activeUntil), contactName: text(d.contactName), contactPhone: text(d.contactPhone),
    accounts: d.accounts,
  };
};

/** A new merchant, or, given `merchant`, its record to change: name, category, district, the benefits it may redeem, its active window, contacts and accounts. */
export function MerchantDialog({ merchant, orgs, onClose, onSaved }: {
  merchant?: MerchantView; orgs: OrgNode[]; onClose(): void; onSaved(saved: MerchantView): void;
}) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<Draft>(() => draftOf(merchant));
  const [offered, setOffered] = useState<BenefitName[]>([]);
  const [problem, setProblem] = useState<RefusalText>();
  const [busy, setBusy] = useState(false);
  const set = (change: Partial<Draft>) => setDraft((d) => ({ ...d, ...change }));
  const incomplete = draft.name.trim() === "" || draft.category.trim() === "" || draft.districtId === undefined;

  useEffect(() => {
    if (draft.districtId === undefined) { setOffered([]); return; }
    studioApi.merchantBenefits(draft.districtId).then(setOffered, (e) => setProblem(refusalText(e, t)));
  }, [draft.districtId]); // eslint-disable-line react-hooks/exhaustive-deps

  const submit = async () => {
    setBusy(true);
    setProblem(undefined);
    try {
      onSaved(merchant ? await studioApi.updateMerchant(merchant.id, requestOf(draft)) : await studioApi.createMerchant(requestOf(draft)));
    } catch (e) {
      setProblem(refusalText(e, t));
    } finally {
      setBusy(false);
    }
  };

  const text = (id: string, label: string, key: keyof Draft, required = false, maxLength = 200) => (
    <Form.Item label={label} htmlFor={id} required={required}>
      <Input id={id} value={draft[key] as string} maxLength={maxLength} onChange={(e) => set({ [key]: e.target.value })} />
    </Form.Item>
  );

  return (
    <Modal open title={merchant ? t("merchants.editOf", { name: merchant.name }) : t("merchants.new")} okText={merchant ? t("accounts.save") : t("accounts.create")}
      cancelText={t("common.cancel")} onCancel={onClose} onOk={() => void submit()} okButtonProps={{ disabled: incomplete, loading: busy }} width={640}>
      <Form layout="vertical">
        {text("ff-merchant-name", t("merchants.name"), "name", true, 200)}
        {text("ff-merchant-category", t("merchants.category"), "category", true, 50)}
        <Form.Item label={t("merchants.district")} htmlFor="ff-merchant-district" required>
          <TreeSelect id="ff-merchant-district" aria-label={t("merchants.district")} treeDefaultExpandAll value={draft.districtId} treeData={orgTreeData(orgs)}
            onChange={(districtId: number) => set({ districtId, benefits: [] })} />
        </Form.Item>
        <Form.Item label={t("merchants.benefits")} htmlFor="ff-merchant-benefits" extra={draft.districtId !== undefined && offered.length === 0 ? t("merchants.noBenefits") : t("merchants.benefitsHelp")}>
          <Select id="ff-merchant-benefits" aria-label={t("merchants.benefits")} mode="multiple" value={draft.benefits} onChange={(benefits: string[]) => set({ benefits })}
            options={offered.map((b) => ({ value: b.id, label: `${b.name} (${b.id})` }))} />
        </Form.Item>
        {text("ff-merchant-address", t("merchants.address"), "address", false, 300)}
        {text("ff-merchant-discount", t("merchants.discount"), "discount", false, 500)}
        <Form.Item label={t("merchants.activeFrom")} htmlFor="ff-merchant-from">
          <Input id="ff-merchant-from" type="date" value={draft.activeFrom} onChange={(e) => set({ activeFrom: e.target.value })} />
        </Form.Item>
        <Form.Item label={t("merchants.activeUntil")} htmlFor="ff-merchant-until" extra={t("merchants.windowHelp")}>
          <Input id="ff-merchant-until" type="date" value={draft.activeUntil} onChange={(e) => set({ activeUntil: e.target.value })} />
        </Form.Item>
        {text("ff-merchant-contact", t("merchants.contactName"), "contactName", false, 100)}
        {text("ff-merchant-phone", t("merchants.contactPhone"), "contactPhone", false, 100)}
        {text("ff-merchant-code", t("merchants.code"), "code", false, 40)}
        <Form.Item label={t("merchants.accounts")} htmlFor="ff-merchant-accounts" extra={t("merchants.accountsHelp")}>
          <Select id="ff-merchant-accounts" aria-label={t("merchants.accounts")} mode="tags" value={draft.accounts} open={false} suffixIcon={null}
            onChange={(accounts: string[]) => set({ accounts })} />
        </Form.Item>
      </Form>
      {problem && <Alert type="error" role="alert" title={problem.text} description={problem.detail} />}
    </Modal>
  );
}
