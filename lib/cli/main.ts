export async function main(argv: string[]): Promise<number> {
  console.log('dealsight', argv.join(' '));
  return 0;
}
