import { CreateDomainForm, DeleteDomainButton } from "@/components/admin/domain-controls";
import { EmptyState } from "@/components/ui/empty-state";
import { LocalTime } from "@/components/ui/local-time";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import type { DomainView } from "@/lib/domains/domain-view";

/**
 * The domains, rendered on the server (they rarely change): adding or deleting one runs its server
 * action and refreshes this render.
 */
export function DomainsPanel({ domains }: { domains: DomainView[] }) {
  return (
    <div className="space-y-6">
      {domains.length === 0 ? (
        <EmptyState title="No domains yet" description="Add the first one below." />
      ) : (
        <Table caption="Domains" captionSrOnly>
          <THead>
            <Tr>
              <Th>Domain</Th>
              <Th>Users</Th>
              <Th>Created</Th>
              <Th>
                <span className="sr-only">Actions</span>
              </Th>
            </Tr>
          </THead>
          <TBody>
            {domains.map((d) => (
              <Tr key={d.id}>
                <Td className="font-medium">{d.name}</Td>
                <Td>{d.userCount}</Td>
                <Td>
                  <LocalTime value={d.createdAt} format="date" />
                </Td>
                <Td>
                  <DeleteDomainButton name={d.name} userCount={d.userCount} />
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
      <CreateDomainForm />
    </div>
  );
}
