import { z } from 'zod';
import { ProviderSettingsError } from '../descriptor.ts';

/** Trimmed value, or undefined when unset or blank. */
export function envValue(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

/**
 * The credentials of one provider: null when none is set, all of them when all are, and an error
 * naming the first missing variable when only some are (a half-configured provider never starts).
 */
export function credentials<const Names extends readonly string[]>(env: NodeJS.ProcessEnv, names: Names): Record<Names[number], string> | null {
  const values = names.map((name) => [name, envValue(env, name)] as const);
  const set = values.filter(([, v]) => v !== undefined);
  if (set.length === 0) return null;
  const missing = values.find(([, v]) => v === undefined);
  if (missing) throw new ProviderSettingsError(`Missing ${missing[0]}: ${set.map(([n]) => n).join(', ')} ${set.length === 1 ? 'is' : 'are'} set, so ${missing[0]} is required too`);
  return Object.fromEntries(values) as Record<Names[number], string>;
}

/** An http(s) URL setting with a default; a malformed value names the variable. */
export function urlSetting(env: NodeJS.ProcessEnv, name: string, fallback: string): string {
  const value = envValue(env, name) ?? fallback;
  const parsed = z.url({ protocol: /^https?$/ }).safeParse(value);
  if (!parsed.success) throw new ProviderSettingsError(`Invalid ${name}: expected a URL starting with http: or https:, received ${JSON.stringify(value)}`);
  return value.replace(/\/+$/, '');
}
