import { describe, expect, it } from 'vitest';
import { createLoginGuard, loginKeys } from '../src/services/login-guard';
import {
  checkPasswordPolicy,
  generatePassword,
  MIN_PASSWORD_LENGTH,
  verifyNobody,
} from '../src/services/passwords';

const T0 = new Date('2020-09-15T02:00:00Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

describe('login throttling', () => {
  it('lets five failures through, then makes each attempt wait twice as long as the one before', () => {
    const guard = createLoginGuard();
    const keys = loginKeys('Admin', '10.0.0.1');
    for (let i = 0; i < 5; i++) {
      expect(guard.waitSeconds(keys, at(i))).toBe(0);
      guard.failed(keys, at(i));
    }
    // The fifth failure at t=4 s: one second to wait, then two, then four.
    expect(guard.waitSeconds(keys, at(4))).toBe(1);
    expect(guard.waitSeconds(keys, at(5))).toBe(0);
    guard.failed(keys, at(5));
    expect(guard.waitSeconds(keys, at(5))).toBe(2);
    guard.failed(keys, at(7));
    expect(guard.waitSeconds(keys, at(7))).toBe(4);
  });

  it('counts per username whatever the case and width, and per address across usernames', () => {
    const guard = createLoginGuard({ freeAttempts: 2 });
    guard.failed(loginKeys('admin', null), T0);
    guard.failed(loginKeys('ＡＤＭＩＮ ', null), T0);
    expect(guard.waitSeconds(loginKeys('Admin', '10.0.0.9'), T0)).toBe(1);
    // One address guessing many usernames is slowed down too.
    guard.failed(loginKeys('a', '10.0.0.2'), T0);
    guard.failed(loginKeys('b', '10.0.0.2'), T0);
    expect(guard.waitSeconds(loginKeys('c', '10.0.0.2'), T0)).toBe(1);
    expect(guard.waitSeconds(loginKeys('c', '10.0.0.3'), T0)).toBe(0);
  });

  it('caps the delay, forgets after an hour without failures, and clears a username on success', () => {
    const guard = createLoginGuard({ freeAttempts: 1, maxDelaySeconds: 60 });
    const keys = loginKeys('admin', '10.0.0.1');
    for (let i = 0; i < 30; i++) guard.failed(keys, T0);
    expect(guard.waitSeconds(keys, T0)).toBe(60);
    expect(guard.waitSeconds(keys, at(3601))).toBe(0);
    guard.failed(keys, at(4000));
    guard.failed(keys, at(4000));
    guard.succeeded(keys);
    expect(guard.waitSeconds(loginKeys('admin', null), at(4000))).toBe(0);
    // The address keeps its count: a success for one user does not clear an address's guesses.
    expect(guard.waitSeconds(loginKeys('other', '10.0.0.1'), at(4000))).toBe(2);
  });

  it('keeps a bounded number of keys', () => {
    const guard = createLoginGuard({ maxKeys: 100, freeAttempts: 1 });
    for (let i = 0; i < 1000; i++) guard.failed([`user:u${i}`], T0);
    expect(guard.waitSeconds(['user:u999'], T0)).toBe(1);
    expect(guard.waitSeconds(['user:u0'], T0)).toBe(0);
  });
});

describe('the password policy', () => {
  it(`wants ${MIN_PASSWORD_LENGTH} characters, no username inside and not one repeated character`, () => {
    expect(checkPasswordPolicy('a', 'admin').map((p) => p.code)).toEqual(['TOO_SHORT', 'TOO_SIMPLE']);
    expect(checkPasswordPolicy('xx-Admin-2020', 'admin').map((p) => p.code)).toEqual(['CONTAINS_USERNAME']);
    expect(checkPasswordPolicy('aaaaaaaaaaaa', 'admin').map((p) => p.code)).toEqual(['TOO_SIMPLE']);
    expect(checkPasswordPolicy('correct horse battery staple', 'admin')).toEqual([]);
    expect(checkPasswordPolicy('七星关区政务公开办公室', 'admin')).toEqual([]);
    expect(checkPasswordPolicy('短密码', 'admin')[0]?.message.zh).toContain('至少需要10个字符');
  });

  it('accepts the passwords the gateway generates', () => {
    for (let i = 0; i < 20; i++) expect(checkPasswordPolicy(generatePassword(), 'admin')).toEqual([]);
  });

  it('does the scrypt work for an unknown user and answers false', async () => {
    expect(await verifyNobody('anything')).toBe(false);
  });
});
