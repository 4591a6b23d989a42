import { describe, expect, it } from 'vitest';
import { routeFor } from './routing';

describe('routeFor', () => {
  it.each([
    ['/', { page: 'home' }],
    ['/invite/abc123', { page: 'invite', token: 'abc123' }],
    ['/invite/abc123/', { page: 'invite', token: 'abc123' }],
    ['/invite/a%20b', { page: 'invite', token: 'a b' }],
    ['/invite/', { page: 'not-found' }],
    ['/cases', { page: 'not-found' }],
  ])('%s', (pathname, route) => {
    expect(routeFor(pathname)).toEqual(route);
  });
});
