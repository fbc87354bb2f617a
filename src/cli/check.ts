/** `bulletin check`: placeholder until the loader lands. */
export async function runCheck(_files: string[], _opts: Record<string, unknown>): Promise<number> {
  process.stderr.write('bulletin check: not available yet\n');
  return 2;
}
