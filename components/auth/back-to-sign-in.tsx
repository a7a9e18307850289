import Link from "next/link";

/** The way back to the sign-in page under an auth page that ended a flow (an unusable link, a failed SAML sign-in). */
export function BackToSignIn({ label }: { label: string }) {
  return (
    <p className="mt-4 text-sm">
      <Link href="/login" prefetch={false} className="font-medium underline underline-offset-2">
        {label}
      </Link>
    </p>
  );
}
