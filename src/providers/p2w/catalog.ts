import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { Money } from '../../domain/money.ts';
import type { ProviderOffer } from '../../domain/provider.ts';
import { ProviderSettingsError } from '../descriptor.ts';

/**
 * P2W's catalog. The Orders API has no package list endpoint (README.md, "P2W catalog"), so the
 * packages on sale, their THB prices and the topupInfo keys each needs come from configuration
 * (`P2W_PACKAGES`); the sandbox uses the simulator's P2W_SANDBOX_PACKAGES.
 */

/** The variable the package list is read from. */
export const PACKAGES_VARIABLE = 'P2W_PACKAGES';

/** A THB price as configured: a decimal string with at most 2 decimals, never a JSON number (no float). */
const ThbPrice = z
  .string({ error: 'must be a THB decimal string such as "100.00" (not a JSON number)' })
  .trim()
  .regex(/^\d+(\.\d{1,2})?$/, 'must be a THB decimal string with at most 2 decimals, such as "100.00"')
  .refine((text) => Money.of(text, 'THB').isPositive(), 'must be more than 0');

/** One package as configured in P2W_PACKAGES. */
export const PackageConfig = z.object({
  /** `packageID` on the wire, e.g. `ROLTH_A01_P001`. */
  id: z.string().trim().min(1, 'must not be empty'),
  /** Game (and region), e.g. `ROV Thailand`. */
  game: z.string().trim().min(1, 'must not be empty'),
  /** What the player receives, e.g. `ROV 115 Coupons`. */
  name: z.string().trim().min(1, 'must not be empty'),
  /** THB P2W charges on create. */
  price: ThbPrice,
  /** `topupInfo` keys the package needs, e.g. `["gameid", "server"]`. */
  fields: z.array(z.string().trim().min(1, 'must not be empty')),
});
export type PackageConfig = z.infer<typeof PackageConfig>;

/** The whole list: at least one package, ids unique (also lower-cased, since service keys are lower-case). */
export const PackageList = z
  .array(PackageConfig)
  .min(1, 'must list at least one package')
  .superRefine((packages, ctx) => {
    const seen = new Set<string>();
    packages.forEach((p, index) => {
      const key = p.id.toLowerCase();
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `duplicate package id ${p.id}` });
      seen.add(key);
    });
  });

/**
 * P2W_PACKAGES: the JSON itself (it starts with `[`) or the path of a JSON file. One error naming the
 * variable and the first problem found; never a partial list.
 */
export function parsePackageSetting(value: string): PackageConfig[] {
  const text = value.trim();
  let source: string;
  if (text.startsWith('[') || text.startsWith('{')) {
    source = text;
  } else {
    try {
      source = readFileSync(text, 'utf8');
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      throw new ProviderSettingsError(`Invalid ${PACKAGES_VARIABLE}: cannot read the file ${JSON.stringify(text)}${typeof code === 'string' ? ` (${code})` : ''}; give a JSON array or the path of a JSON file`);
    }
  }
  return parsePackageJson(source);
}

/** Validates the package list's JSON text. */
export function parsePackageJson(source: string): PackageConfig[] {
  let json: unknown;
  try {
    json = JSON.parse(source);
  } catch {
    throw new ProviderSettingsError(`Invalid ${PACKAGES_VARIABLE}: not valid JSON; expected an array of {"id","game","name","price","fields"}`);
  }
  const parsed = PackageList.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '') : 'the list';
    throw new ProviderSettingsError(`Invalid ${PACKAGES_VARIABLE}: ${where} ${issue?.message ?? 'is not a package list'}; expected an array of {"id","game","name","price","fields"}`);
  }
  return parsed.data;
}

/**
 * Canonical service key of a package: `game:<packageID lower-case>`. P2W is the only game top-up
 * provider, so the package id is the most stable key there is; a second provider would map its own
 * packages onto these keys in a table here.
 */
export function packageServiceKey(packageId: string): string {
  return `game:${packageId.toLowerCase()}`;
}

/** The configured packages, by packageID, and as unified offers. */
export class P2wCatalog {
  readonly #packages: ReadonlyMap<string, PackageConfig>;

  constructor(packages: readonly PackageConfig[]) {
    this.#packages = new Map(packages.map((p) => [p.id, p]));
  }

  /** The package an offer ref (its packageID) names, if configured. */
  package(packageId: string): PackageConfig | undefined {
    return this.#packages.get(packageId);
  }

  /** THB price of a configured package. */
  priceOf(packageId: string): Money | null {
    const pkg = this.#packages.get(packageId);
    return pkg ? Money.of(pkg.price, 'THB') : null;
  }

  /** One offer per package; P2W tells nothing about stock, so `available` is null. */
  offers(): ProviderOffer[] {
    return [...this.#packages.values()].map((p) => ({
      serviceKey: packageServiceKey(p.id),
      name: p.name,
      providerRef: p.id,
      price: Money.of(p.price, 'THB'),
      available: null,
      details: { kind: 'GAME_TOPUP', game: p.game, fields: [...p.fields] },
    }));
  }
}
