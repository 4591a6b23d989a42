import { loadConfig, ConfigError } from './app-config';

describe('loadConfig', () => {
  it('has working defaults: port 3000, ./data, embedded database, .eml outbox', () => {
    const config = loadConfig({}, '/srv/parallel');
    expect(config).toMatchObject({
      port: 3000,
      dataDir: '/srv/parallel/data',
      databaseUrl: null,
      redisUrl: null,
      smtpUrl: null,
      publicUrl: 'http://localhost:3000',
      signingKeyFile: '/srv/parallel/data/signing-key.pem',
      secretsKeyFile: '/srv/parallel/data/secrets-key',
      secretsKeyFromSetting: false,
      keptPdfsMb: 2048,
    });
  });

  it('reads every setting', () => {
    const config = loadConfig({
      PORT: '8080',
      DATA_DIR: '/var/lib/parallel',
      DATABASE_URL: 'postgres://u:p@db:5432/parallel',
      REDIS_URL: 'redis://cache:6379',
      SMTP_URL: 'smtp://mail:1025',
      PUBLIC_URL: 'https://parallel.example.org/',
      SIGNING_KEY_FILE: '/keys/signing.pem',
      SECRETS_KEY_FILE: '/keys/secrets',
      KEPT_PDFS_MB: '500',
    });
    expect(config).toMatchObject({
      port: 8080,
      dataDir: '/var/lib/parallel',
      databaseUrl: 'postgres://u:p@db:5432/parallel',
      redisUrl: 'redis://cache:6379',
      smtpUrl: 'smtp://mail:1025',
      publicUrl: 'https://parallel.example.org',
      signingKeyFile: '/keys/signing.pem',
      secretsKeyFile: '/keys/secrets',
      secretsKeyFromSetting: true,
      keptPdfsMb: 500,
    });
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://db/parallel' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL'],
    [{ REDIS_URL: 'http://cache' }, 'REDIS_URL'],
    [{ SMTP_URL: 'mail.example.org' }, 'SMTP_URL'],
    [{ PUBLIC_URL: 'ftp://example.org' }, 'PUBLIC_URL'],
    [{ MAIL_FROM: 'nobody' }, 'MAIL_FROM'],
    [{ RELEASE_TICK_MS: '-5' }, 'RELEASE_TICK_MS'],
    [{ TRUST_PROXY: 'true' }, 'TRUST_PROXY'],
    [{ TRUST_PROXY: '11' }, 'TRUST_PROXY'],
    [{ TRUST_PROXY: '10.0.0.0/33' }, 'TRUST_PROXY'],
    [{ TRUST_PROXY: 'proxy.example' }, 'TRUST_PROXY'],
    [{ REDIS_PREFIX: 'has space' }, 'REDIS_PREFIX'],
    [{ KEPT_PDFS_MB: '0' }, 'KEPT_PDFS_MB'],
    [{ KEPT_PDFS_MB: 'lots' }, 'KEPT_PDFS_MB'],
  ])('stops on %j with a message naming %s', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`^Parallel cannot start[\\s\\S]*${name}`));
  });

  it('reports every bad setting at once', () => {
    try {
      loadConfig({ PORT: 'x', REDIS_URL: 'nope' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect((error as ConfigError).problems).toHaveLength(2);
    }
  });

  it.each([
    [undefined, false],
    ['false', false],
    ['1', 1],
    ['loopback, 10.0.0.0/8, fd00::/8', ['loopback', '10.0.0.0/8', 'fd00::/8']],
  ])('reads TRUST_PROXY %j as %j (off by default)', (value, expected) => {
    expect(loadConfig(value === undefined ? {} : { TRUST_PROXY: value }).trustProxy).toEqual(expected);
  });
});
