/** RFC3339 in the document's form, whole seconds and a `+00:00` offset: `2026-02-25T10:00:00+00:00`. */
export function rfc3339(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}+00:00`;
}

/** Nullable variant of {@link rfc3339}. */
export function rfc3339OrNull(ms: number | null): string | null {
  return ms === null ? null : rfc3339(ms);
}

/** Milliseconds since epoch of the UTC midnight that starts the day containing `ms`. */
export function startOfUtcDay(ms: number): number {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
}
