import { statusLabel } from "../../components/status-badge";
import { SelectField } from "../../components/fields";
import { REQUEST_STATUSES, type Client } from "../../lib/types";

export type FilterName = "createdBy" | "direction" | "status";

interface Props {
  values: URLSearchParams;
  clients: Client[];
  onChange: (name: FilterName, value: string) => void;
}

/** Created by (any client, or Manual), direction and status. */
export function RequestFilters({ values, clients, onChange }: Props) {
  const createdBy = [
    { value: "", label: "Anyone" },
    { value: "manual", label: "Manual" },
    ...clients.map((c) => ({ value: c.id, label: c.status === "revoked" ? `${c.name} (revoked)` : c.name })),
  ];
  const direction = [
    { value: "", label: "Both" },
    { value: "incoming", label: "Incoming" },
    { value: "outgoing", label: "Outgoing" },
  ];
  const status = [{ value: "", label: "Any" }, ...REQUEST_STATUSES.map((s) => ({ value: s, label: statusLabel(s) }))];
  return (
    <div class="filters" role="group" aria-label="Filter requests">
      <SelectField label="Created by" value={values.get("createdBy") ?? ""} onValue={(v) => onChange("createdBy", v)} options={createdBy} />
      <SelectField label="Direction" value={values.get("direction") ?? ""} onValue={(v) => onChange("direction", v)} options={direction} />
      <SelectField label="Status" value={values.get("status") ?? ""} onValue={(v) => onChange("status", v)} options={status} />
    </div>
  );
}
