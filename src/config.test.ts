import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConfig } from './config.ts';

describe('readConfig', () => {
  it('reads nothing set as the defaults', () => {
    const c = readConfig({});
    expect(c.port).toBe(3000);
    expect(c.dataDir).toBe(resolve('data'));
    expect(c.logLevel).toBe('info');
    expect(c.logLevelSet).toBe(false);
  });

  // `PORT=` in a unit file or a compose file: an empty PORT was port 0 (a random port), an empty GONGKAI_DATA
  // the working directory, an empty LOG_LEVEL a crash inside pino ("default level: must be included").
  it('reads a variable set but empty as absent', () => {
    const c = readConfig({ PORT: '', GONGKAI_DATA: '', LOG_LEVEL: '', GONGKAI_TRUSTED_PROXIES: '' });
    expect(c.port).toBe(3000);
    expect(c.dataDir).toBe(resolve('data'));
    expect(c.logLevel).toBe('info');
    expect(c.logLevelSet).toBe(false);
    expect(c.trustedProxies).toBe(0);
  });

  it('takes what is given', () => {
    const c = readConfig({ PORT: '8080', GONGKAI_DATA: '/srv/gongkai', LOG_LEVEL: 'warn' });
    expect(c.port).toBe(8080);
    expect(c.dataDir).toBe('/srv/gongkai');
    expect(c.logLevel).toBe('warn');
    expect(c.logLevelSet).toBe(true);
  });

  it('refuses a log level pino does not have, naming the ones it has', () => {
    expect(() => readConfig({ LOG_LEVEL: 'verbose' })).toThrow(
      /LOG_LEVEL 应为 fatal、error、warn、info、debug、trace、silent 之一：verbose/,
    );
    expect(() => readConfig({ PORT: '70000' })).toThrow(/PORT 不是有效端口号/);
  });
});
