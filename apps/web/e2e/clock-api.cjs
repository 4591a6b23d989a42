'use strict';
/**
 * The product for the browser tests, with a clock they can move. It starts the API's own
 * build (apps/api/dist) exactly as `npm start` does (same settings, same start-up, the
 * built web client), with two additions that only this file makes:
 * - a ManualClock, starting at 09:00 UTC of the real day (so every run sees the same time of
 *   day, whenever it runs; the date stays near the browser's), in place of the system clock;
 * - POST /api/e2e/clock {advanceMs} to move it forward (answers {now}).
 * Delivery windows and the day's quota follow the moved clock (the ticker reads it), so a
 * test sees a held message arrive without waiting for a real Thursday evening.
 *
 * Never part of the product: `npm start` and the build run apps/api/dist/main.js, which
 * has no such route. e2e/product.ts starts this file with `startProduct({ movableClock: true })`.
 * Plain CommonJS with the decorators applied by hand, so it needs no build step of its own.
 */
const { join } = require('node:path');
const { Body, Controller, HttpCode, Module, Post } = require('@nestjs/common');
const { ApiExcludeController } = require('@nestjs/swagger');

const apiDist = join(__dirname, '../../api/dist');
const { exitOnStartFailure, startApi } = require(join(apiDist, 'main'));
const { ManualClock } = require(join(apiDist, 'common/clock'));
const { Public } = require(join(apiDist, 'common/auth-context'));

const start = new Date();
start.setUTCHours(9, 0, 0, 0);
const clock = new ManualClock(start);

class E2eClockController {
  advance(body) {
    const advanceMs = Number(body && body.advanceMs);
    if (!Number.isFinite(advanceMs) || advanceMs < 0) return { now: clock.now().toISOString(), moved: false };
    clock.advance(advanceMs);
    return { now: clock.now().toISOString(), moved: true };
  }
}
Reflect.decorate([Post('clock'), HttpCode(200), Public()], E2eClockController.prototype, 'advance', Object.getOwnPropertyDescriptor(E2eClockController.prototype, 'advance'));
Body()(E2eClockController.prototype, 'advance', 0);
// What TypeScript's emitDecoratorMetadata would write: a plain object body, checked above by hand.
Reflect.defineMetadata('design:paramtypes', [Object], E2eClockController.prototype, 'advance');
Reflect.decorate([Controller('e2e'), ApiExcludeController()], E2eClockController);

class E2eClockModule {}
Reflect.decorate([Module({ controllers: [E2eClockController] })], E2eClockModule);

startApi({ clock, extraModules: [E2eClockModule] }).catch(exitOnStartFailure);
