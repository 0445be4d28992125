import { accountsRouter } from './routers/accounts';
import { authRouter } from './routers/auth';
import { billingRouter } from './routers/billing';
import { officeRouter } from './routers/office';
import { paymentsRouter } from './routers/payments';
import { oneidRouter } from './routers/oneid';
import { sessionsRouter } from './routers/sessions';
import { syncRouter } from './routers/sync';
import { tariffsRouter } from './routers/tariffs';
import { createCallerFactory, router } from './trpc';

export const appRouter = router({
	auth: authRouter,
	accounts: accountsRouter,
	sync: syncRouter,
	office: officeRouter,
	tariffs: tariffsRouter,
	billing: billingRouter,
	payments: paymentsRouter,
	sessions: sessionsRouter,
	oneid: oneidRouter
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
