import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/select";

/** Chooses the domain shown next to the global policies; a plain GET form, so it works without JavaScript. */
export async function DomainPicker({ domains, selected }: { domains: string[]; selected: string | null }) {
  const t = await getTranslations("policies.picker");
  return (
    <form method="get" className="flex max-w-xl flex-col gap-3 sm:flex-row sm:items-end">
      <Select
        className="flex-1"
        name="domain"
        label={t("domain")}
        defaultValue={selected ?? undefined}
        options={domains.map((name) => ({ value: name, label: name }))}
      />
      <Button type="submit" variant="secondary">
        {t("show")}
      </Button>
    </form>
  );
}
