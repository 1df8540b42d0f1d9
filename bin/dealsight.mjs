#!/usr/bin/env node
// The `dealsight` command. The CLI is TypeScript shared with the extension; tsx runs it
// in place so a checkout needs no separate build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../lib/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
