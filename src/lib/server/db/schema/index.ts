// Money is integer tiyin (1 so'm = 100 tiyin) and meter values integer Wh: exact, and portable
// to PostgreSQL bigint. Timestamps are integer milliseconds since the epoch, named *AtMs.
// One file per area; this barrel is what drizzle-kit and the client read.
export * from './geo';
export * from './accounts';
export * from './readings';
export * from './readingCorrections';
export * from './ledger';
export * from './charges';
export * from './requests';
export * from './auth';
export * from './sync';
export * from './tariffs';
export * from './suspectReadings';
export * from './payments';
export * from './audit';
export * from './sms';
export * from './operatorState';
export * from './inspection';
