import { serve } from '@hono/node-server';
import type { Command } from 'commander';
import { Hono } from 'hono';
import { config } from '../../config.ts';

/** Placeholder until the web app lands: serves a plain page so `npm start` always starts. */
export function register(program: Command): void {
  program
    .command('serve')
    .description('启动网站（门户与工作台）')
    .option('--demo', '首次启动时载入演示数据')
    .action(() => {
      const app = new Hono();
      app.get('/', (c) =>
        c.html('<!doctype html><meta charset="utf-8"><title>gongkai</title><h1>政府信息公开平台</h1>'),
      );
      serve({ fetch: app.fetch, port: config.port }, (info) => {
        console.log(`gongkai 已启动：http://localhost:${info.port}/`);
      });
    });
}
