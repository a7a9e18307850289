"use client";
import { useTranslations } from "next-intl";
import { LocalTime } from "@/components/ui/local-time";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useDeferredValue, useState } from "react";
import { fetchJson, NoAnswerError } from "@/components/admin/fetch-json";
import { queryKeys } from "@/components/providers/query-keys";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { FormMessage } from "@/components/ui/form-message";
import { Pagination } from "@/components/ui/pagination";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import type { UserPage } from "@/lib/users/list-users";
import { readUserListParams, USER_QUERY_MAX, userListSearch, type UserListParams } from "@/lib/users/user-list-params";

const statusTone = { active: "success", locked: "warning", disabled: "danger" } as const;

/** Puts the list's search and page in the address bar without a navigation (Next keeps useSearchParams in step). */
function writeUrl(params: UserListParams) {
  window.history.replaceState(null, "", `${window.location.pathname}${userListSearch(params)}`);
}

/**
 * Searchable, paged list of users. Search and page live in the URL, so a reload, the back button
 * and a shared link show the same list; the page the server rendered is the first data (no loading
 * flash, no request on load), later pages come from TanStack Query. Forms invalidate queryKeys.users.
 */
export function UsersPanel({ initial }: { initial: UserListParams & { data: UserPage } }) {
  // The URL, not the server's props, is where the list starts: after "back" Next may reuse an
  // older render of this page while the address bar has the search the list last wrote.
  const t = useTranslations("admin.users");
  const searchParams = useSearchParams();
  const [start] = useState(() => readUserListParams(searchParams.get("q"), searchParams.get("page")));
  const [typed, setTyped] = useState(start.query);
  const [page, setPage] = useState(start.page);
  const q = useDeferredValue(typed.trim().slice(0, USER_QUERY_MAX));
  const statusLabel = (status: string) =>
    status === "active"
      ? t("statusActive")
      : status === "locked"
        ? t("statusLocked")
        : status === "disabled"
          ? t("statusDisabled")
          : status;
  const rendered = q === initial.query && page === initial.page;
  const users = useQuery({
    queryKey: queryKeys.userPage(q, page),
    queryFn: () => fetchJson<UserPage>(`/api/admin/users?${new URLSearchParams({ q, page: String(page) })}`),
    initialData: rendered ? initial.data : undefined,
    placeholderData: keepPreviousData,
  });
  return (
    <div className="space-y-4">
      <div className="max-w-sm">
        <label htmlFor="user-search" className="mb-1 block text-sm font-medium">
          {t("search")}
        </label>
        <input
          id="user-search"
          type="search"
          maxLength={USER_QUERY_MAX}
          value={typed}
          onChange={(e) => {
            setTyped(e.target.value);
            setPage(1);
            writeUrl({ query: e.target.value.trim(), page: 1 });
          }}
          placeholder={t("searchPlaceholder")}
          className="w-full rounded-md border border-line-strong bg-surface px-3 py-2 text-sm"
        />
      </div>
      {users.isError && <FormMessage tone="error" message={users.error instanceof NoAnswerError ? t("noAnswer") : users.error.message} />}
      {users.data && users.data.users.length === 0 ? (
        <EmptyState title={q ? t("noMatch") : t("empty")} description={q ? t("noMatchHint") : t("emptyHint")} />
      ) : (
        <Table caption={t("caption")} captionSrOnly>
          <THead>
            <Tr>
              <Th>{t("email")}</Th>
              <Th>{t("name")}</Th>
              <Th>{t("role")}</Th>
              <Th>{t("status")}</Th>
              <Th>{t("lastSignIn")}</Th>
            </Tr>
          </THead>
          <TBody>
            {users.data?.users.map((u) => (
              <Tr key={u.id}>
                <Td>
                  <Link className="font-medium underline-offset-2 hover:underline" href={`/admin/users/${u.id}`}>
                    {u.email}
                  </Link>
                </Td>
                <Td>{u.displayName || "—"}</Td>
                <Td>{u.role === "admin" ? t("roleAdmin") : u.role === "user" ? t("roleUser") : u.role}</Td>
                <Td>
                  <Badge tone={statusTone[u.status as keyof typeof statusTone] ?? "neutral"}>{statusLabel(u.status)}</Badge>
                </Td>
                <Td>
                  <LocalTime value={u.lastLoginAt} format="relative" />
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
      {users.data && (
        <Pagination
          page={users.data.page}
          pageCount={users.data.pageCount}
          onPageChange={(next) => {
            setPage(next);
            writeUrl({ query: q, page: next });
          }}
          disabled={users.isFetching}
          label={t("pages")}
          hideWhenSinglePage
        />
      )}
    </div>
  );
}
