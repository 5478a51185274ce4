import type { ProviderDescriptor } from './descriptor.ts';
import { easysoft } from './easysoft/index.ts';
import { otp24hr } from './otp24hr/index.ts';
import { p2w } from './p2w/index.ts';
import { smscode } from './smscode/index.ts';
import { xd247 } from './xd247/index.ts';

/**
 * Every provider this gateway can talk to. Adding a provider is one folder with its descriptor and
 * one line here (docs/architecture.md, "Adding a provider"); configuration, sandbox mode and the
 * GraphQL enums follow from this list.
 */
export const PROVIDERS: readonly ProviderDescriptor<any>[] = [smscode, p2w, otp24hr, easysoft, xd247];
