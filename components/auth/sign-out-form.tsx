import { logoutAction } from "@/app/actions/session-actions";
import { Button } from "@/components/ui/button";

export function SignOutForm() {
  return (
    <form action={logoutAction}>
      <Button type="submit" variant="secondary" size="sm">
        Sign out
      </Button>
    </form>
  );
}
