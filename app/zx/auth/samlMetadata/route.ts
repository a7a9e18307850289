import { AppError } from "@/lib/errors";
import { serviceProviderMetadata } from "@/lib/saml/sp-metadata";
import { domainNameField } from "@/lib/validation/fields";

export const dynamic = "force-dynamic";

// GET /zx/auth/samlMetadata?domain=D: the SP metadata (Carbonio's path, so IdP guides apply unchanged).
export async function GET(request: Request) {
  const domain = domainNameField.safeParse(new URL(request.url).searchParams.get("domain") ?? "");
  const text = (status: number, body: string) =>
    new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
  if (!domain.success) return text(400, "Give the domain: /zx/auth/samlMetadata?domain=example.com\n");
  try {
    const xml = await serviceProviderMetadata(domain.data);
    if (xml === null) return text(404, "No such domain.\n");
    return new Response(xml, { headers: { "content-type": "application/samlmetadata+xml; charset=utf-8", "cache-control": "no-store" } });
  } catch (e) {
    if (e instanceof AppError && e.code === "conflict") return text(409, `${e.message}\n`);
    throw e;
  }
}
