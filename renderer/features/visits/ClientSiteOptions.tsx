/** A select's options naming clients, for the forms that start or record work for one. */
export function ClientOptions({ clients }: { clients: readonly { id: string; name: string }[] }) {
  return clients.map((c) => (
    <option key={c.id} value={c.id}>
      {c.name}
    </option>
  ));
}

/** A select's options naming a client's sites with their town (two sites may share a name). */
export function SiteOptions({
  sites,
}: {
  sites: readonly { id: string; name: string; city: string }[];
}) {
  return sites.map((s) => (
    <option key={s.id} value={s.id}>
      {s.name} — {s.city}
    </option>
  ));
}
