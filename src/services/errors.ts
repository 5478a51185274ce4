/** One line for a log entry: the error's class and message (messages never carry credentials). */
export function errorSummary(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
