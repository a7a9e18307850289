"use client";
import { LocalTime } from "@/components/ui/local-time";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useDeferredValue, useState } from "react";
import { fetchJson } from "@/components/admin/fetch-json";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { FormMessage } from "@/components/ui/form-message";
import { Pagination } from "@/components/ui/pagination";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import type { UserPage } from "@/lib/users/list-users";

const statusTone = { active: "success", locked: "warning", disabled: "danger" } as const;

/** Searchable, paged list of users; refreshed by invalidating the "users" query after changes. */
export function UsersPanel() {
  const [query, setQuery] = useState("");
  const [page, setPage] = useState(1);
  const q = useDeferredValue(query.trim());
  const users = useQuery({
    queryKey: ["users", q, page],
    queryFn: () => fetchJson<UserPage>(`/api/admin/users?${new URLSearchParams({ q, page: String(page) })}`),
    placeholderData: keepPreviousData,
  });
  return (
    <div className="space-y-4">
      <div className="max-w-sm">
        <label htmlFor="user-search" className="mb-1 block text-sm font-medium">
          Search users
        </label>
        <input
          id="user-search"
          type="search"
          maxLength={100}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setPage(1);
          }}
          placeholder="Address or name"
          className="w-full rounded-md border border-line bg-surface px-3 py-2 text-sm"
        />
      </div>
      {users.isError && <FormMessage tone="error" message={users.error.message} />}
      {users.data && users.data.users.length === 0 ? (
        <EmptyState
          title={q ? "No user matches" : "No users yet"}
          description={q ? "Try another part of the address or name." : "Create the first one below."}
        />
      ) : (
        <Table caption="Users" captionSrOnly>
          <THead>
            <Tr>
              <Th>Email</Th>
              <Th>Name</Th>
              <Th>Role</Th>
              <Th>Status</Th>
              <Th>Last sign-in</Th>
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
                <Td>{u.role}</Td>
                <Td>
                  <Badge tone={statusTone[u.status as keyof typeof statusTone] ?? "neutral"}>{u.status}</Badge>
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
          onPageChange={setPage}
          disabled={users.isFetching}
          label="Users pages"
          hideWhenSinglePage
        />
      )}
    </div>
  );
}
