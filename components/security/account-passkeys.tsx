"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { AddPasskey } from "@/components/security/add-passkey";
import { PasskeyList } from "@/components/security/passkey-list";
import { useToast } from "@/components/ui/toast";
import {
  deletePasskeyAction,
  finishPasskeyRegistrationAction,
  renamePasskeyAction,
  startPasskeyRegistrationAction,
} from "@/lib/actions/portal/passkeys";
import type { PasskeyView } from "@/lib/passkeys/finish-passkey-registration";

/** The Security page's passkeys: the list, and "Add a passkey" with a name the person chooses. */
export function AccountPasskeys({ passkeys }: { passkeys: PasskeyView[] }) {
  const t = useTranslations("security.passkeys");
  const router = useRouter();
  const toast = useToast();
  return (
    <div className="space-y-4">
      <PasskeyList
        passkeys={passkeys}
        onDelete={(id) => deletePasskeyAction({ id })}
        onRename={(id, name) => renamePasskeyAction({ id, name })}
        emptyHint={t("emptyHint")}
      />
      <div className="space-y-3 rounded-lg border border-line p-4" data-testid="passkey-add">
        <AddPasskey
          start={() => startPasskeyRegistrationAction({})}
          finish={(name, response) => finishPasskeyRegistrationAction({ name, response })}
          onDone={(added) => {
            toast.success(t("added", { name: added.name }));
            router.refresh();
          }}
          text={{ name: t("newName"), nameHint: t("newNameHint"), add: t("add"), adding: t("adding") }}
          variant="secondary"
        />
      </div>
    </div>
  );
}
