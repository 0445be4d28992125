// The outbox's ids are the domain's UUIDv7 (the server makes work orders' ids the same way).
export { uuidv7 } from '../../../domain/uuidv7';
