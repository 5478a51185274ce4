const REDACTED = '[redacted]';

/**
 * Removes credentials from text before it leaves the transport (error messages, log lines): each
 * secret as written, and as it looks inside a URL (percent-encoded, or form-encoded with `+` for a
 * space), so a key sent in a query string is hidden too.
 */
export class Redactor {
  readonly #needles: string[];

  constructor(secrets: Iterable<string | null | undefined>) {
    const needles = new Set<string>();
    for (const secret of secrets) {
      if (!secret) continue;
      needles.add(secret);
      needles.add(encodeURIComponent(secret));
      needles.add(new URLSearchParams({ s: secret }).toString().slice(2));
      needles.add(encodeURI(secret));
    }
    // Longest first, so a secret that contains another one is removed whole.
    this.#needles = [...needles].sort((a, b) => b.length - a.length);
  }

  /** `text` with every secret (and its URL forms) replaced by `[redacted]`. */
  redact(text: string): string {
    let out = text;
    for (const needle of this.#needles) out = out.split(needle).join(REDACTED);
    return out;
  }

  /** Path and query of `url`, redacted: what messages show of a request (the origin is configuration). */
  describeUrl(url: URL): string {
    return this.redact(`${url.pathname}${url.search}`);
  }
}
