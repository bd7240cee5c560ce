import { studioApi } from "../api/studio-api";
import { useI18n } from "../i18n/i18n";
import { SheetImportPanel } from "../sheet-import/SheetImportPanel";

/** 会员导入 (admins): a union's existing members from Excel, checked row by row in a dry run before anything is written. */
export function MemberImportPage() {
  const { t } = useI18n();
  return (
    <div className="ff-member-import">
      <SheetImportPanel title={t("members.import")} help={t("members.importHelp")} importedText={(created) => t("members.imported", { created })}
        importSheet={studioApi.importMembers} />
    </div>
  );
}
