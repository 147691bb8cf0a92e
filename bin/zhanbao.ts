#!/usr/bin/env node
// Entry point of the `zhanbao` command; everything is in cli.ts.
import { main } from './cli.ts';

const code = await main(process.argv.slice(2));
// `serve` keeps running (it returns 0 once it listens); everything else sets its exit code.
process.exitCode = code;
