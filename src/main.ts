import { startApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { startIdleMemory } from './idle-memory.ts';

/** `npm start`: parse configuration once, start, and stop gracefully on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`switchboard: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const app = await startApp(config);
  // Start-up garbage (migrations, the schema, the simulators' catalogs) is released before the first
  // request, and what a busy spell leaves once the gateway is quiet again (docs/performance.md, "Memory").
  const idleMemory = startIdleMemory();
  idleMemory?.release();
  process.stdout.write(`Switchboard ${config.sandbox ? '(sandbox mode) ' : ''}ready: ${app.url}/graphql\n`);
  let signalled = false;
  const shutdown = (signal: string) => {
    if (signalled) return;
    signalled = true;
    idleMemory?.stop();
    app.services.logger.info({ signal }, 'shutting down');
    // A hard deadline so a stuck dependency can never keep the process alive past 10 s.
    setTimeout(() => process.exit(1), 10_000).unref();
    app.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        app.services.logger.error({ err: String(error) }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`switchboard: failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
