import { studioApi } from "../api/studio-api";
import { useI18n } from "../i18n/i18n";
import { SheetImportPanel } from "../sheet-import/SheetImportPanel";

/** Import a sheet of units (名称, 级别, 上级): a dry run lists each row's errors first; the import writes all rows or none. */
export function OrgImportPanel({ onImported }: { onImported: () => void }) {
  const { t } = useI18n();
  return (
    <SheetImportPanel title={t("orgs.import")} help={t("orgs.importHelp")} importedText={(created) => t("orgs.imported", { created })}
      importSheet={studioApi.importOrgs} onImported={onImported} />
  );
}
