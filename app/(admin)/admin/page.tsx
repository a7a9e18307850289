import { redirect } from "next/navigation";
import { requireAdmin } from "@/lib/auth/current-session";

export default async function AdminHome() {
  await requireAdmin();
  redirect("/admin/users");
}
