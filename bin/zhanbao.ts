#!/usr/bin/env node
// Entry point of the `zhanbao` command; everything is in cli.ts.
import { main } from './cli.ts';

process.exitCode = await main(process.argv.slice(2));
