import { z } from "zod";
import { listDomains } from "@/lib/domains/list-domains";
import { defineRoute } from "@/lib/http/define-route";

export const dynamic = "force-dynamic";

export const GET = defineRoute({ name: "admin.domains.list", access: "admin", input: z.object({}) }, () => listDomains());
