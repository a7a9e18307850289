import { z } from "zod";
import { defineRoute } from "@/lib/http/define-route";
import { listUsers } from "@/lib/users/list-users";

export const dynamic = "force-dynamic";

export const GET = defineRoute(
  {
    name: "admin.users.list",
    access: "admin",
    input: z.object({
      q: z.string().max(100).optional(),
      page: z.coerce.number().int().min(1).max(100000).optional(),
      pageSize: z.coerce.number().int().min(1).max(100).optional(),
    }),
  },
  (input) => listUsers({ query: input.q, page: input.page, pageSize: input.pageSize }),
);
