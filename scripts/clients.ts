/**
 * `npm run clients -- <command>`: API clients in the gateway's own database (the same DATABASE_URL,
 * or DATA_DIR's PGlite — stop the gateway first then: PGlite is one process's database).
 *
 *   create <name> --scopes CATALOG_READ,ORDERS_READ,BUY[,ADMIN] [--rate-limit 120/minute] [--spend-limit THB:5000/day]
 *   list
 *   rotate <name>
 *   revoke <name>
 *   limits <name> [--rate-limit …|default] [--spend-limit …|default]
 *
 * A key is printed once, on create and rotate; only its SHA-256 is stored.
 */
import { ConfigError, loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/database.ts';
import { SwitchboardError } from '../src/domain/errors.ts';
import { ApiClients } from '../src/services/api-clients.ts';

const USAGE = `usage: npm run clients -- create <name> --scopes CATALOG_READ,ORDERS_READ,BUY[,ADMIN] [--rate-limit 120/minute|off] [--spend-limit THB:5000/day|off]
       npm run clients -- list
       npm run clients -- rotate <name>
       npm run clients -- revoke <name>
       npm run clients -- limits <name> [--rate-limit …|default] [--spend-limit …|default]`;

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const value = args[i + 1];
  if (value === undefined || value.startsWith('--')) throw new SwitchboardError('USAGE', `${name} needs a value\n${USAGE}`);
  return value;
}

async function main(argv: string[]): Promise<number> {
  const [command, name, ...rest] = argv;
  if (!command || command === 'help' || command === '--help') {
    process.stdout.write(`${USAGE}\n`);
    return command ? 0 : 2;
  }
  const config = loadConfig();
  const db = await openDatabase(config.DATABASE_URL ? { kind: 'postgres', url: config.DATABASE_URL } : { kind: 'pglite', dataDir: config.DATA_DIR });
  const clients = new ApiClients(db, config);
  const needName = () => {
    if (!name || name.startsWith('--')) throw new SwitchboardError('USAGE', `${command} needs a client name\n${USAGE}`);
    return name;
  };
  try {
    switch (command) {
      case 'create': {
        const scopes = option(rest, '--scopes');
        if (!scopes) throw new SwitchboardError('USAGE', `create needs --scopes\n${USAGE}`);
        const { client, key } = await clients.create(needName(), ApiClients.parseScopes(scopes), { rateLimit: option(rest, '--rate-limit') ?? null, spendLimit: option(rest, '--spend-limit') ?? null });
        process.stdout.write(`created ${client.name} (${client.scopes.join(',')})\nkey (shown once, store it now): ${key}\n`);
        return 0;
      }
      case 'rotate': {
        const { client, key } = await clients.rotate(needName());
        process.stdout.write(`rotated ${client.name}: the old key is refused from now on\nnew key (shown once): ${key}\n`);
        return 0;
      }
      case 'revoke': {
        const client = await clients.revoke(needName());
        process.stdout.write(`revoked ${client.name} at ${client.revokedAt?.toISOString()}\n`);
        return 0;
      }
      case 'limits': {
        const value = (flag: string) => {
          const v = option(rest, flag);
          return v === undefined ? undefined : v === 'default' ? null : v;
        };
        const client = await clients.setLimits(needName(), { rateLimit: value('--rate-limit'), spendLimit: value('--spend-limit') });
        process.stdout.write(`${client.name}: rate ${client.rateLimit ?? 'RATE_LIMIT'}, spend ${client.spendLimit ?? 'SPEND_LIMIT'}\n`);
        return 0;
      }
      case 'list': {
        const rows = await clients.list();
        if (!rows.length) process.stdout.write('no stored clients\n');
        for (const c of rows) {
          const state = c.revokedAt ? `revoked ${c.revokedAt.toISOString()}` : 'active';
          process.stdout.write(`${c.name}\t${c.keyPrefix}…\t${c.scopes.join(',')}\trate ${c.rateLimit ?? 'default'}\tspend ${c.spendLimit ?? 'default'}\t${state}\n`);
        }
        for (const c of config.CLIENT_TOKENS ?? []) process.stdout.write(`${c.name}\t(CLIENT_TOKENS)\t${c.name === 'admin' ? 'CATALOG_READ,ORDERS_READ,BUY,ADMIN' : 'CATALOG_READ,ORDERS_READ,BUY'}\n`);
        return 0;
      }
      default:
        throw new SwitchboardError('USAGE', `unknown command ${command}\n${USAGE}`);
    }
  } finally {
    await db.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message = error instanceof ConfigError || error instanceof SwitchboardError ? error.message : error instanceof Error ? error.message : String(error);
    process.stderr.write(`clients: ${message}\n`);
    process.exit(error instanceof SwitchboardError && error.code === 'USAGE' ? 2 : 1);
  },
);
