// The one public face of @parallel/domain: the product's rules, pure and framework-free.
export * from './ledger';
export * from './cadence';
export * from './messages';
export * from './tone';
