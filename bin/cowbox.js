#!/usr/bin/env node
// `npx cowbox`: runs src/cli/main.ts in this process through tsx's loader (no child process, no
// build step), so start-up costs one TypeScript transform of the CLI's own files.

import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
// Exit as soon as the machine's command is done: sleeping processes and open input must not keep it up.
process.exit(await main(process.argv.slice(2)));
