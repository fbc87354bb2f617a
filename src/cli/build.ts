/** `bulletin build`: placeholder until the build pipeline lands. */
export async function runBuild(_file: string, _opts: Record<string, unknown>): Promise<number> {
  process.stderr.write('bulletin build: not available yet\n');
  return 2;
}
