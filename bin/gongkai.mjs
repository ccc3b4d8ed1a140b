#!/usr/bin/env node
// Entry point for the `gongkai` command: registers tsx in this process and runs the TypeScript CLI here, so
// signals (SIGTERM from docker stop or systemd, Ctrl-C) reach `gongkai serve` itself and its shutdown runs.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
